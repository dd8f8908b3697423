package io.github.stance4j;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A tiny seeded random property runner for the {@code *FuzzTest} classes (plain JUnit 5).
 *
 * <p>{@link #forAll} draws inputs from a generator fed by a {@link Random} with a fixed seed, so
 * every run tries the same inputs and a failure reproduces; the failing input (escaped as a Java
 * string literal, ready to paste into a regression {@code @Test}), the seed and the try number are
 * in the assertion message. The number of tries is {@code defaultTries} (200 in the fuzz tests)
 * unless the system property {@value #TRIES_PROPERTY} says otherwise, e.g. for a longer search:
 * <pre>mvn -B test -Dtest='*FuzzTest' -Dstance4j.fuzz.tries=20000</pre>
 */
public final class Fuzz {
    /** System property overriding the number of tries of every property. */
    public static final String TRIES_PROPERTY = "stance4j.fuzz.tries";

    /** Invisible / format characters that text pipelines tend to trip over. */
    private static final char[] FORMAT = {
        '\u00AD', '\u061C', '\u180E', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D',
        '\u202E', '\u2060', '\u2061', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\uFFF9', '\uFFFB'};

    /** Whitespace and control characters beyond the C0 range. */
    private static final char[] BLANK = {
        ' ', '\t', '\n', '\r', '\u000B', '\u000C', '\u001C', '\u001F', '\u007F', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2007',
        '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'};

    /** Sentence ends, closers and other punctuation. */
    private static final char[] PUNCT = {
        '.', '!', '?', ',', ';', ':', '\'', '"', '(', ')', '[', ']', '-', '\u2026', '\u3002', '\uFF01', '\uFF1F', '\uFF61', '\u061F',
        '\u06D4', '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB', '\uFF08', '\uFF09', '\u300C', '\u300D'};

    private Fuzz() {}

    /** The number of tries: the {@value #TRIES_PROPERTY} system property, else {@code defaultTries}. */
    public static int tries(int defaultTries) {
        return Integer.getInteger(TRIES_PROPERTY, defaultTries);
    }

    /**
     * Checks {@code property} on {@link #tries(int)} inputs drawn by {@code gen} from a
     * {@code new Random(seed)}; the first failure (assertion or exception) fails the test with
     * the seed, the try and the escaped input in its message.
     */
    public static <T> void forAll(long seed, int defaultTries, Function<Random, T> gen, Consumer<T> property) {
        Random random = new Random(seed);
        int tries = tries(defaultTries);
        for (int i = 1; i <= tries; i++) {
            T input = gen.apply(random);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("falsified at try " + i + " of " + tries + " (seed " + seed + ") by input "
                        + escape(String.valueOf(input)) + ": " + e, e);
            }
        }
    }

    /** Up to {@code maxSize} pieces drawn from {@code pieces}, concatenated. */
    public static String joined(Random r, List<String> pieces, int maxSize) {
        int n = size(r, maxSize);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(pick(r, pieces));
        }
        return b.toString();
    }

    /** Any element of {@code values}. */
    public static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** Up to {@code maxLength} chars, each uniform in {@code [lo, hi]}. */
    public static String charsIn(Random r, char lo, char hi, int maxLength) {
        int n = size(r, maxLength);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) (lo + r.nextInt(hi - lo + 1)));
        }
        return b.toString();
    }

    /**
     * Any string of up to {@code maxLength} chars: printable ASCII, controls and whitespace, lone
     * (high or low) surrogates, valid surrogate pairs, format characters, punctuation and any other
     * UTF-16 code unit, mixed.
     */
    public static String anyString(Random r, int maxLength) {
        int n = size(r, maxLength);
        StringBuilder b = new StringBuilder(n);
        while (b.length() < n) {
            int kind = r.nextInt(20);
            if (kind < 5) {
                b.append((char) (0x20 + r.nextInt(0x7F - 0x20)));
            } else if (kind < 7) {
                b.append((char) r.nextInt(0x20));
            } else if (kind < 8) {
                b.append(BLANK[r.nextInt(BLANK.length)]);
            } else if (kind < 10) {
                b.append((char) (0xD800 + r.nextInt(0x800)));
            } else if (kind < 12) {
                if (b.length() + 2 <= n) {
                    b.appendCodePoint(0x10000 + r.nextInt(Character.MAX_CODE_POINT - 0x10000 + 1));
                }
            } else if (kind < 14) {
                b.append(FORMAT[r.nextInt(FORMAT.length)]);
            } else if (kind < 15) {
                b.append(PUNCT[r.nextInt(PUNCT.length)]);
            } else {
                b.append((char) r.nextInt(0x10000));
            }
        }
        return b.toString();
    }

    /** A size in {@code [0, max]}, biased towards small ones (empty and tiny inputs are edge cases). */
    private static int size(Random r, int max) {
        return r.nextInt(4) == 0 ? r.nextInt(Math.min(max, 8) + 1) : r.nextInt(max + 1);
    }

    /** {@code s} as a Java string literal: non-ASCII-printable code units are written as {@code \\uXXXX}. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.append('"').toString();
    }
}
