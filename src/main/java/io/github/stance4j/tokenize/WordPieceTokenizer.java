package io.github.stance4j.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Pure-Java BERT-uncased WordPiece tokenizer, id-for-id identical to the HuggingFace
 * {@code tokenizers} library configured as in {@code bert-base-uncased} /
 * {@code all-MiniLM-L6-v2}: {@code BertNormalizer} (clean text, CJK spacing, NFD + accent
 * stripping, lowercase), {@code BertPreTokenizer} (split on whitespace, isolate punctuation),
 * {@code WordPiece} (greedy longest-match-first, {@code ##} continuation prefix, {@code [UNK]} for
 * words longer than 100 code points or with an unmatchable piece) and the BERT template
 * {@code [CLS] A [SEP]} / {@code [CLS] A [SEP] B [SEP]} with LongestFirst truncation.
 *
 * <p>As in HF, the special tokens {@code [PAD] [UNK] [CLS] [SEP] [MASK]} written literally
 * (case-sensitive) in the raw text are matched before normalisation and encoded as their special
 * ids. Unpaired UTF-16 surrogates in the input are dropped (a Rust string cannot hold them).
 *
 * <p>Instances are immutable and thread-safe. Each call uses a per-thread scratch workspace (a
 * {@link ThreadLocal}); the {@code encodeInto} methods write straight into caller-owned arrays
 * and allocate nothing in the steady state, which is the intended hot path for batch encoding:
 *
 * <pre>{@code
 * int[] ids = new int[batch * 128];
 * for (int i = 0; i < batch; i++) {
 *     int n = tok.encodeInto(texts[i], 128, ids, null, null, i * 128); // rest stays 0 = [PAD]
 * }
 * }</pre>
 */
public final class WordPieceTokenizer {

    /** Words longer than this many code points (after normalisation) become {@code [UNK]}. */
    public static final int MAX_INPUT_CHARS_PER_WORD = 100;

    private static final String CONT_PREFIX = "##";
    private static final int CONT_SEED = CONT_PREFIX.hashCode();
    private static final String[] SPECIAL_TOKENS = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

    // ASCII fast path classes
    private static final byte A_WORD = 0;
    private static final byte A_REMOVE = 1;
    private static final byte A_SPACE = 2;
    private static final byte A_PUNCT = 3;
    private static final byte[] ASCII_KIND = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            byte k;
            if (c == '\t' || c == '\n' || c == '\r' || c == ' ') {
                k = A_SPACE;
            } else if (c < 0x20 || c == 0x7F) {
                k = A_REMOVE; // incl. VT and FF: they are Cc, removed by HF's clean_text
            } else if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96)
                    || (c >= 123 && c <= 126)) {
                k = A_PUNCT;
            } else {
                k = A_WORD;
            }
            ASCII_KIND[c] = k;
        }
    }

    /** Chars between two runs of a call's check. */
    static final int CHECK_INTERVAL = 4096;
    private static final Runnable NO_CHECK = () -> {};

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    // vocabulary: tokens by id in one char pool + open-addressing hash table over the strings
    private final int size;
    private final char[] pool;
    private final int[] tokOff;
    private final int[] tokLen;
    private final int[] slotHash;
    private final int[] slotId;
    private final int slotShift;
    private final int slotMask;
    private final int maxHeadLen;
    private final int maxContLen;

    private final int unkId;
    private final int clsId;
    private final int sepId;
    private final int[] specialIds;
    private final int[] asciiIds;

    private WordPieceTokenizer(List<String> tokens) {
        size = tokens.size();
        int total = 0;
        for (String t : tokens) {
            total += t.length();
        }
        pool = new char[total];
        tokOff = new int[size];
        tokLen = new int[size];
        int cap = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
        slotHash = new int[cap];
        slotId = new int[cap];
        Arrays.fill(slotId, -1);
        slotMask = cap - 1;
        slotShift = 32 - Integer.numberOfTrailingZeros(cap);
        int at = 0;
        int maxHead = 0;
        int maxCont = 0;
        for (int id = 0; id < size; id++) {
            String t = tokens.get(id);
            t.getChars(0, t.length(), pool, at);
            tokOff[id] = at;
            tokLen[id] = t.length();
            at += t.length();
            insert(t, id);
            if (t.startsWith(CONT_PREFIX) && t.length() > CONT_PREFIX.length()) {
                maxCont = Math.max(maxCont, t.length() - CONT_PREFIX.length());
            }
            maxHead = Math.max(maxHead, t.length());
        }
        maxHeadLen = maxHead;
        maxContLen = maxCont;

        unkId = tokenId("[UNK]");
        clsId = tokenId("[CLS]");
        sepId = tokenId("[SEP]");
        if (unkId < 0 || clsId < 0 || sepId < 0) {
            throw new IllegalArgumentException("vocabulary lacks [UNK], [CLS] or [SEP]");
        }
        specialIds = new int[SPECIAL_TOKENS.length];
        for (int i = 0; i < SPECIAL_TOKENS.length; i++) {
            specialIds[i] = tokenId(SPECIAL_TOKENS[i]);
        }
        asciiIds = new int[128];
        for (int c = 0; c < 128; c++) {
            int id = tokenId(String.valueOf((char) c));
            asciiIds[c] = id >= 0 ? id : unkId;
        }
    }

    /**
     * Loads a tokenizer from a BERT {@code vocab.txt}: UTF-8, one token per line, the line number
     * (0-based) being the id. Trailing whitespace of each line is ignored (as HF does); if a
     * token occurs twice the later line wins. The stream is read fully but not closed.
     *
     * @param vocabTxt the vocabulary stream
     * @return the tokenizer
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the vocabulary lacks {@code [UNK]}, {@code [CLS]} or
     *     {@code [SEP]}
     */
    public static WordPieceTokenizer load(InputStream vocabTxt) throws IOException {
        Objects.requireNonNull(vocabTxt, "vocabTxt");
        String all = new String(vocabTxt.readAllBytes(), StandardCharsets.UTF_8);
        List<String> tokens = new ArrayList<>(32768);
        int n = all.length();
        int i = 0;
        if (n > 0 && all.charAt(0) == '\uFEFF') {
            i = 1; // UTF-8 byte order mark
        }
        while (i < n) {
            int nl = all.indexOf('\n', i);
            int lineEnd = nl < 0 ? n : nl;
            int end = lineEnd;
            while (end > i && isRustWhitespace(all.charAt(end - 1))) {
                end--; // trim_end, as HF does (also drops the \r of CRLF files)
            }
            tokens.add(all.substring(i, end));
            i = lineEnd + 1;
        }
        return new WordPieceTokenizer(tokens);
    }

    /**
     * Returns the number of entries in the vocabulary (lines of the vocab file).
     *
     * @return the vocabulary size
     */
    public int vocabSize() {
        return size;
    }

    /**
     * Looks up the id of a vocabulary entry (exact match, e.g. {@code "[CLS]"}, {@code "the"},
     * {@code "##ing"}).
     *
     * @param token the token text
     * @return its id, or -1 if it is not in the vocabulary
     */
    public int tokenId(String token) {
        int len = token.length();
        int h = token.hashCode();
        for (int s = (h * 0x9E3779B9) >>> slotShift; ; s = (s + 1) & slotMask) {
            int id = slotId[s];
            if (id < 0) {
                return -1;
            }
            if (slotHash[s] == h && tokLen[id] == len && token.contentEquals(java.nio.CharBuffer.wrap(pool, tokOff[id], len))) {
                return id;
            }
        }
    }

    /**
     * Returns the vocabulary entry with the given id.
     *
     * @param id a token id in {@code [0, vocabSize())}
     * @return the token text
     * @throws IndexOutOfBoundsException if the id is out of range
     */
    public String token(int id) {
        Objects.checkIndex(id, size);
        return new String(pool, tokOff[id], tokLen[id]);
    }

    /**
     * Encodes {@code [CLS] text [SEP]}, keeping at most {@code maxLength} tokens including the two
     * special tokens (the text's tokens are cut at the end, as HF's truncation does).
     *
     * @param text the text
     * @param maxLength maximum number of tokens, at least 2; use {@link Integer#MAX_VALUE} for no
     *     truncation
     * @return the encoding (type ids all 0; see {@link Encoding} for the offsets)
     * @throws IllegalArgumentException if {@code maxLength < 2}
     */
    public Encoding encode(CharSequence text, int maxLength) {
        return encode(text, maxLength, NO_CHECK);
    }

    /**
     * {@link #encode(CharSequence, int)}, running {@code check} before the first character and then
     * once every 4,096 characters; whatever it throws (a {@code TimeBudgetExceededException} when a time
     * budget has run out) stops the call.
     */
    public Encoding encode(CharSequence text, int maxLength, Runnable check) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(check, "check");
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be >= 2, got " + maxLength);
        }
        Workspace w = WORKSPACE.get();
        TokenBuf a = w.a;
        try {
            int body = maxLength - 2;
            tokenize(text, w, a, body, check);
            int n = Math.min(a.n, body);
            int len = n + 2;
            int[] ids = new int[len];
            int[] starts = new int[len];
            int[] ends = new int[len];
            ids[0] = clsId;
            System.arraycopy(a.ids, 0, ids, 1, n);
            System.arraycopy(a.starts, 0, starts, 1, n);
            System.arraycopy(a.ends, 0, ends, 1, n);
            ids[n + 1] = sepId;
            return new Encoding(ids, new int[len], starts, ends);
        } finally {
            a.trim();
        }
    }

    /**
     * Encodes the pair {@code [CLS] a [SEP] b [SEP]} (type ids 0 up to and including the first
     * {@code [SEP]}, 1 after), keeping at most {@code maxLength} tokens including the three special
     * tokens. Truncation follows HF's LongestFirst: if both sequences do not fit, the shorter one is
     * kept whole when it takes at most half the budget and the longer one gets the rest; otherwise
     * each gets half, the odd token going to the longer sequence (to {@code b} on a tie).
     *
     * @param a the first text
     * @param b the second text
     * @param maxLength maximum number of tokens, at least 3; use {@link Integer#MAX_VALUE} for no
     *     truncation
     * @return the encoding; offsets of {@code b}'s tokens index into {@code b}
     * @throws IllegalArgumentException if {@code maxLength < 3}
     */
    public Encoding encodePair(CharSequence a, CharSequence b, int maxLength) {
        return encodePair(a, b, maxLength, NO_CHECK);
    }

    /** {@link #encodePair(CharSequence, CharSequence, int)}, running {@code check} as {@link #encode(CharSequence, int, Runnable)} does. */
    public Encoding encodePair(CharSequence a, CharSequence b, int maxLength, Runnable check) {
        Objects.requireNonNull(check, "check");
        Workspace w = WORKSPACE.get();
        try {
            long kept = tokenizePair(a, b, maxLength, w, check);
            int n1 = (int) (kept >>> 32);
            int n2 = (int) kept;
            int len = n1 + n2 + 3;
            int[] ids = new int[len];
            int[] types = new int[len];
            int[] starts = new int[len];
            int[] ends = new int[len];
            writePair(w, n1, n2, ids, types, starts, ends, 0);
            return new Encoding(ids, types, starts, ends);
        } finally {
            w.a.trim();
            w.b.trim();
        }
    }

    /**
     * Allocation-free variant of {@link #encode}: writes {@code [CLS] text [SEP]} into
     * caller-owned arrays starting at {@code offset} and returns the number of tokens written.
     * Nothing beyond the written tokens is touched (so a zero-filled buffer stays padded with id 0,
     * which is {@code [PAD]} in BERT vocabularies).
     *
     * @param text the text
     * @param maxLength maximum number of tokens including specials, at least 2
     * @param ids destination of the ids
     * @param starts destination of the start offsets, or null
     * @param ends destination of the end offsets, or null
     * @param offset index of the first token in the destination arrays
     * @return the number of tokens written (at most {@code maxLength})
     * @throws IllegalArgumentException if {@code maxLength < 2}
     * @throws IndexOutOfBoundsException if a destination array is too small for the result
     */
    public int encodeInto(CharSequence text, int maxLength, int[] ids, int[] starts, int[] ends,
            int offset) {
        Objects.requireNonNull(text, "text");
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be >= 2, got " + maxLength);
        }
        Workspace w = WORKSPACE.get();
        TokenBuf a = w.a;
        int body = maxLength - 2;
        tokenize(text, w, a, body, NO_CHECK);
        int n = Math.min(a.n, body);
        int len = n + 2;
        Objects.checkFromIndexSize(offset, len, ids.length);
        if (starts != null) {
            Objects.checkFromIndexSize(offset, len, starts.length);
        }
        if (ends != null) {
            Objects.checkFromIndexSize(offset, len, ends.length);
        }
        ids[offset] = clsId;
        System.arraycopy(a.ids, 0, ids, offset + 1, n);
        ids[offset + n + 1] = sepId;
        if (starts != null) {
            starts[offset] = 0;
            System.arraycopy(a.starts, 0, starts, offset + 1, n);
            starts[offset + n + 1] = 0;
        }
        if (ends != null) {
            ends[offset] = 0;
            System.arraycopy(a.ends, 0, ends, offset + 1, n);
            ends[offset + n + 1] = 0;
        }
        a.trim();
        return len;
    }

    /**
     * Allocation-free variant of {@link #encodePair}: writes {@code [CLS] a [SEP] b [SEP]} into
     * caller-owned arrays starting at {@code offset} and returns the number of tokens written.
     *
     * @param a the first text
     * @param b the second text
     * @param maxLength maximum number of tokens including specials, at least 3
     * @param ids destination of the ids
     * @param typeIds destination of the type ids, or null
     * @param starts destination of the start offsets, or null
     * @param ends destination of the end offsets, or null
     * @param offset index of the first token in the destination arrays
     * @return the number of tokens written (at most {@code maxLength})
     * @throws IllegalArgumentException if {@code maxLength < 3}
     * @throws IndexOutOfBoundsException if a destination array is too small for the result
     */
    public int encodePairInto(CharSequence a, CharSequence b, int maxLength, int[] ids,
            int[] typeIds, int[] starts, int[] ends, int offset) {
        Workspace w = WORKSPACE.get();
        long kept = tokenizePair(a, b, maxLength, w, NO_CHECK);
        int n1 = (int) (kept >>> 32);
        int n2 = (int) kept;
        int len = n1 + n2 + 3;
        Objects.checkFromIndexSize(offset, len, ids.length);
        if (typeIds != null) {
            Objects.checkFromIndexSize(offset, len, typeIds.length);
        }
        if (starts != null) {
            Objects.checkFromIndexSize(offset, len, starts.length);
        }
        if (ends != null) {
            Objects.checkFromIndexSize(offset, len, ends.length);
        }
        writePair(w, n1, n2, ids, typeIds, starts, ends, offset);
        w.a.trim();
        w.b.trim();
        return len;
    }

    /**
     * Checks a pair's arguments, tokenizes both texts into {@code w.a} and {@code w.b} (running
     * {@code check}) and returns how many tokens of each {@link #longestFirst} keeps for
     * {@code maxLength} tokens in all.
     */
    private long tokenizePair(CharSequence a, CharSequence b, int maxLength, Workspace w, Runnable check) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (maxLength < 3) {
            throw new IllegalArgumentException("maxLength must be >= 3 for a pair, got " + maxLength);
        }
        tokenize(a, w, w.a, Integer.MAX_VALUE, check);
        tokenize(b, w, w.b, Integer.MAX_VALUE, check);
        return longestFirst(w.a.n, w.b.n, maxLength - 3);
    }

    private void writePair(Workspace w, int n1, int n2, int[] ids, int[] types, int[] starts,
            int[] ends, int off) {
        TokenBuf a = w.a;
        TokenBuf b = w.b;
        int sep1 = off + n1 + 1;
        int bStart = sep1 + 1;
        int last = bStart + n2;
        ids[off] = clsId;
        System.arraycopy(a.ids, 0, ids, off + 1, n1);
        ids[sep1] = sepId;
        System.arraycopy(b.ids, 0, ids, bStart, n2);
        ids[last] = sepId;
        if (types != null) {
            Arrays.fill(types, off, bStart, 0);
            Arrays.fill(types, bStart, last + 1, 1);
        }
        if (starts != null) {
            starts[off] = 0;
            System.arraycopy(a.starts, 0, starts, off + 1, n1);
            starts[sep1] = 0;
            System.arraycopy(b.starts, 0, starts, bStart, n2);
            starts[last] = 0;
        }
        if (ends != null) {
            ends[off] = 0;
            System.arraycopy(a.ends, 0, ends, off + 1, n1);
            ends[sep1] = 0;
            System.arraycopy(b.ends, 0, ends, bStart, n2);
            ends[last] = 0;
        }
    }

    /**
     * HF {@code truncate_encodings} with LongestFirst for a pair, {@code max} being the budget
     * left after the special tokens. Returns {@code kept1 << 32 | kept2}.
     */
    static long longestFirst(int len1, int len2, int max) {
        if ((long) len1 + len2 <= max) {
            return ((long) len1 << 32) | len2;
        }
        int n1 = len1;
        int n2 = len2;
        boolean swap = false;
        if (n1 > n2) {
            swap = true;
            n1 = len2;
            n2 = len1;
        }
        if (n1 > max) {
            n2 = n1;
        } else {
            n2 = Math.max(n1, max - n1);
        }
        if ((long) n1 + n2 > max) {
            n1 = max / 2;
            n2 = n1 + max % 2;
        }
        if (swap) {
            int t = n1;
            n1 = n2;
            n2 = t;
        }
        return ((long) Math.min(len1, n1) << 32) | Math.min(len2, n2);
    }

    // ------------------------------------------------------------------------------------------
    // normalisation + pre-tokenisation + wordpiece, in one pass

    /**
     * Tokenizes one sequence into {@code out} (ids and offsets, no special tokens). Stops early,
     * after a whole word, once at least {@code limit} tokens are produced; {@code out.n} may then
     * exceed {@code limit} and the caller keeps the first {@code limit}. Runs {@code check} before
     * the first char and every {@value #CHECK_INTERVAL} chars (never for {@code NO_CHECK}).
     */
    private void tokenize(CharSequence text, Workspace w, TokenBuf out, int limit, Runnable check) {
        out.n = 0;
        w.wLen = 0;
        w.wCps = 0;
        if (limit <= 0) {
            return;
        }
        final byte[] asciiKind = ASCII_KIND;
        final int n = text.length();
        int i = 0;
        int nextCheck = check == NO_CHECK ? Integer.MAX_VALUE : 0;
        while (i < n) {
            if (i >= nextCheck) {
                check.run();
                nextCheck = i + CHECK_INTERVAL;
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                byte k = asciiKind[c];
                if (k == A_WORD) {
                    int wl = w.wLen;
                    if (w.wCps <= MAX_INPUT_CHARS_PER_WORD) {
                        w.word[wl] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
                        w.wStart[wl] = i;
                        w.wEnd[wl] = i + 1;
                        w.wLen = wl + 1;
                    }
                    w.wCps++;
                    w.lastEnd = i + 1;
                } else if (k == A_SPACE) {
                    if (w.wLen > 0 && flush(w, out, limit)) {
                        return;
                    }
                } else if (k == A_PUNCT) {
                    if (w.wLen > 0 && flush(w, out, limit)) {
                        return;
                    }
                    int sp = c == '[' ? matchSpecial(text, i, n) : -1;
                    if (sp >= 0) {
                        int len = SPECIAL_TOKENS[sp].length();
                        out.add(specialIds[sp], i, i + len);
                        i += len;
                        if (out.n >= limit) {
                            return;
                        }
                        continue;
                    }
                    out.add(asciiIds[c], i, i + 1);
                    if (out.n >= limit) {
                        return;
                    }
                }
                i++;
                continue;
            }
            int cp = c;
            int len = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n) {
                char d = text.charAt(i + 1);
                if (Character.isLowSurrogate(d)) {
                    cp = Character.toCodePoint(c, d);
                    len = 2;
                }
            }
            int[] blk = BertUnicode.block(cp);
            int e = blk[cp & 0xFF];
            int kind = e & 7;
            if (kind == BertUnicode.WORD) {
                w.append((e & BertUnicode.IDENTITY) != 0 ? cp : e >>> 8, i, i + len);
            } else if (kind == BertUnicode.SPACE) {
                if (w.wLen > 0 && flush(w, out, limit)) {
                    return;
                }
            } else if (kind == BertUnicode.ISOLATE) {
                if (w.wLen > 0 && flush(w, out, limit)) {
                    return;
                }
                w.append((e & BertUnicode.IDENTITY) != 0 ? cp : e >>> 8, i, i + len);
                if (flush(w, out, limit)) {
                    return;
                }
            } else if (kind == BertUnicode.COMPLEX) {
                int[] p = blk;
                int at = e >>> 8;
                int m = p[at];
                for (int j = 1; j <= m; j++) {
                    int v = p[at + j];
                    int k = v & 7;
                    if (k == BertUnicode.WORD) {
                        w.append(v >>> 3, i, i + len);
                    } else {
                        if (w.wLen > 0 && flush(w, out, limit)) {
                            return;
                        }
                        if (k == BertUnicode.ISOLATE) {
                            w.append(v >>> 3, i, i + len);
                            if (flush(w, out, limit)) {
                                return;
                            }
                        }
                    }
                }
            }
            // REMOVE: nothing
            i += len;
        }
        if (w.wLen > 0) {
            flush(w, out, limit);
        }
    }

    /** Index into SPECIAL_TOKENS of a special token written at text[i..], or -1. */
    private int matchSpecial(CharSequence text, int i, int n) {
        if (i + 5 > n) {
            return -1;
        }
        char c1 = text.charAt(i + 1);
        int cand;
        switch (c1) {
            case 'P':
                cand = 0;
                break;
            case 'U':
                cand = 1;
                break;
            case 'C':
                cand = 2;
                break;
            case 'S':
                cand = 3;
                break;
            case 'M':
                cand = 4;
                break;
            default:
                return -1;
        }
        if (specialIds[cand] < 0) {
            return -1;
        }
        String s = SPECIAL_TOKENS[cand];
        int len = s.length();
        if (i + len > n) {
            return -1;
        }
        for (int j = 2; j < len; j++) {
            if (text.charAt(i + j) != s.charAt(j)) {
                return -1;
            }
        }
        return cand;
    }

    /**
     * WordPiece on the current word, appending its tokens to {@code out}; resets the word.
     *
     * @return true if {@code out} now holds at least {@code limit} tokens
     */
    private boolean flush(Workspace w, TokenBuf out, int limit) {
        final int wl = w.wLen;
        final char[] word = w.word;
        final int[] ws = w.wStart;
        final int[] we = w.wEnd;
        w.wLen = 0;
        int cps = w.wCps;
        w.wCps = 0;
        if (cps > MAX_INPUT_CHARS_PER_WORD) {
            out.add(unkId, ws[0], w.lastEnd);
            return out.n >= limit;
        }
        final int mark = out.n;
        final int[] ph = w.prefixHash;
        int s = 0;
        while (s < wl) {
            int maxL = Math.min(wl - s, s == 0 ? maxHeadLen : maxContLen);
            int h = s == 0 ? 0 : CONT_SEED;
            for (int k = 0; k < maxL; k++) {
                h = 31 * h + word[s + k];
                ph[k] = h;
            }
            int found = -1;
            int len = maxL;
            for (; len > 0; len--) {
                found = lookup(ph[len - 1], word, s, len, s != 0);
                if (found >= 0) {
                    break;
                }
            }
            if (found < 0) {
                out.n = mark;
                out.add(unkId, ws[0], we[wl - 1]);
                return out.n >= limit;
            }
            out.add(found, ws[s], we[s + len - 1]);
            s += len;
        }
        return out.n >= limit;
    }

    /** Id of {@code word[from, from+len)} (prefixed with "##" if {@code cont}), or -1. */
    private int lookup(int h, char[] word, int from, int len, boolean cont) {
        final int[] ids = slotId;
        final int[] hashes = slotHash;
        final int tl = cont ? len + 2 : len;
        for (int s = (h * 0x9E3779B9) >>> slotShift; ; s = (s + 1) & slotMask) {
            int id = ids[s];
            if (id < 0) {
                return -1;
            }
            if (hashes[s] == h && tokLen[id] == tl) {
                int o = tokOff[id];
                if (cont) {
                    if (pool[o] != '#' || pool[o + 1] != '#') {
                        continue;
                    }
                    o += 2;
                }
                int k = 0;
                while (k < len && pool[o + k] == word[from + k]) {
                    k++;
                }
                if (k == len) {
                    return id;
                }
            }
        }
    }

    private void insert(String t, int id) {
        int h = t.hashCode();
        int s = (h * 0x9E3779B9) >>> slotShift;
        while (true) {
            int cur = slotId[s];
            if (cur < 0) {
                slotId[s] = id;
                slotHash[s] = h;
                return;
            }
            if (slotHash[s] == h && t.contentEquals(java.nio.CharBuffer.wrap(pool, tokOff[cur], tokLen[cur]))) {
                slotId[s] = id; // duplicate line: the later id wins, as in HF's vocab loading
                return;
            }
            s = (s + 1) & slotMask;
        }
    }

    /** Rust {@code char::is_whitespace} (used for HF's {@code trim_end} of vocab lines). */
    private static boolean isRustWhitespace(char c) {
        return (c >= 9 && c <= 13) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }

    // ------------------------------------------------------------------------------------------

    /** Growable token output (ids + offsets) of one sequence. */
    private static final class TokenBuf {
        int[] ids = new int[256];
        int[] starts = new int[256];
        int[] ends = new int[256];
        int n;

        /** Drops buffers grown by a huge input so a thread does not retain them. */
        void trim() {
            if (ids.length > (1 << 16)) {
                ids = new int[256];
                starts = new int[256];
                ends = new int[256];
            }
            n = 0;
        }

        void add(int id, int start, int end) {
            int k = n;
            if (k == ids.length) {
                int cap = k * 2;
                ids = Arrays.copyOf(ids, cap);
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
            }
            ids[k] = id;
            starts[k] = start;
            ends[k] = end;
            n = k + 1;
        }
    }

    /**
     * Per-thread scratch: the word being built (normalised chars + the original span of each) and
     * the token outputs. A word is only stored up to its 101st code point: a longer one is [UNK]
     * anyway and only its end offset ({@code lastEnd}) still matters, so the buffers stay small.
     */
    private static final class Workspace {
        private static final int WORD_CAP = 2 * (MAX_INPUT_CHARS_PER_WORD + 1);
        final char[] word = new char[WORD_CAP];
        final int[] wStart = new int[WORD_CAP];
        final int[] wEnd = new int[WORD_CAP];
        int wLen;
        int wCps;
        int lastEnd;
        int[] prefixHash = new int[WORD_CAP];
        final TokenBuf a = new TokenBuf();
        final TokenBuf b = new TokenBuf();

        /** Appends a normalised code point that came from original text [start, end). */
        void append(int cp, int start, int end) {
            lastEnd = end;
            if (wCps++ > MAX_INPUT_CHARS_PER_WORD) {
                return;
            }
            int wl = wLen;
            if (cp < 0x10000) {
                word[wl] = (char) cp;
                wStart[wl] = start;
                wEnd[wl] = end;
                wLen = wl + 1;
            } else {
                word[wl] = Character.highSurrogate(cp);
                word[wl + 1] = Character.lowSurrogate(cp);
                wStart[wl] = start;
                wEnd[wl] = end;
                wStart[wl + 1] = start;
                wEnd[wl + 1] = end;
                wLen = wl + 2;
            }
        }
    }
}
