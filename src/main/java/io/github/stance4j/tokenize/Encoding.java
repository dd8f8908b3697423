package io.github.stance4j.tokenize;

import java.util.Arrays;

/**
 * The result of encoding one text (or one text pair) with {@link WordPieceTokenizer}.
 *
 * <p>All four arrays have the same length, one entry per token, special tokens included:
 *
 * <ul>
 *   <li>{@code ids}: vocabulary ids ({@code [CLS]} first, {@code [SEP]} closing each sequence);
 *   <li>{@code typeIds}: 0 for {@code [CLS]}, the first sequence and its {@code [SEP]}; 1 for the
 *       second sequence of a pair and its closing {@code [SEP]};
 *   <li>{@code starts} / {@code ends}: the token's character span {@code [start, end)} in UTF-16
 *       units ({@link String#charAt} indices) into the <em>original</em> text of the sequence the
 *       token belongs to (for a pair, spans of second-sequence tokens index into the second text).
 *       A word-piece spans the original characters it was normalised from; an {@code [UNK]} spans
 *       its whole word; characters dropped by normalisation (control and format characters,
 *       combining marks written as separate code points, ...) are not covered at the edges of a
 *       token. The {@code [CLS]}/{@code [SEP]} tokens added around the sequences get {@code start
 *       == end == 0} (the HuggingFace convention); a special token written literally in the text
 *       (e.g. {@code "[MASK]"}) gets its real span. Every token that comes from the text has
 *       {@code end > start}.
 * </ul>
 *
 * <p>The arrays are exposed directly (no defensive copies) for speed: treat them as read-only.
 * {@link #equals}, {@link #hashCode} and {@link #toString} compare and print array contents.
 *
 * @param ids token ids
 * @param typeIds token type (segment) ids, 0 or 1
 * @param starts start offset of each token in its original text (UTF-16 units, inclusive)
 * @param ends end offset of each token in its original text (UTF-16 units, exclusive)
 */
public record Encoding(int[] ids, int[] typeIds, int[] starts, int[] ends) {

    /**
     * Validates that all arrays are present and of equal length.
     *
     * @param ids token ids
     * @param typeIds token type ids
     * @param starts start offsets
     * @param ends end offsets
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Encoding {
        if (ids == null || typeIds == null || starts == null || ends == null) {
            throw new NullPointerException("arrays must not be null");
        }
        int n = ids.length;
        if (typeIds.length != n || starts.length != n || ends.length != n) {
            throw new IllegalArgumentException("arrays must have equal length");
        }
    }

    /**
     * Returns the number of tokens, special tokens included.
     *
     * @return the number of tokens
     */
    public int length() {
        return ids.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoding e
                && Arrays.equals(ids, e.ids)
                && Arrays.equals(typeIds, e.typeIds)
                && Arrays.equals(starts, e.starts)
                && Arrays.equals(ends, e.ends);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(ids);
        h = 31 * h + Arrays.hashCode(typeIds);
        h = 31 * h + Arrays.hashCode(starts);
        return 31 * h + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        return "Encoding[ids=" + Arrays.toString(ids)
                + ", typeIds=" + Arrays.toString(typeIds)
                + ", starts=" + Arrays.toString(starts)
                + ", ends=" + Arrays.toString(ends) + "]";
    }
}
