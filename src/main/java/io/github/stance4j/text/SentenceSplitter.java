package io.github.stance4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits news text into sentences with character offsets, without breaking at abbreviations
 * ("U.S.", "Gen.", "Mr.", "No. 2"), initials, decimals, or terminators inside quotes and
 * parentheses that the sentence goes on after.
 *
 * <pre>{@code
 * List<Span> s = SentenceSplitter.split("Gen. Smith met NATO envoys. They left.");
 * // [0, 27) and [28, 38)
 * }</pre>
 *
 * <p>Stateless and thread-safe. Offsets are UTF-16 indices into the input; each span is trimmed of
 * surrounding whitespace (no-break spaces, control and format characters and lone surrogates
 * included), so a text of only such characters has no sentence. A blank line always ends a
 * sentence. Work is linear in the text's length.
 *
 * <p>Other scripts: the CJK full stops and marks {@code 。 ！ ？ ｡} end a sentence with or without a
 * space after them (outside parentheses); the Arabic question mark {@code ؟} and the Urdu full
 * stop {@code ۔} end one like {@code ?}; and a letter of a script without case (Arabic, Hebrew,
 * CJK, ...) after a terminator and a space starts a sentence as a capital does.
 */
public final class SentenceSplitter {
    /** Abbreviations (lower case, without the final period) after which a period does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "brig",
            "gov", "sen", "rep", "rev", "hon", "pres", "amb", "sec", "st", "mt", "ft", "jr", "sr", "messrs", "mme", "mlle",
            "no", "nos", "vol", "art", "ch", "fig", "p", "pp", "para", "vs", "v", "etc", "approx", "est",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "inc", "corp", "ltd", "co", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "e.g", "i.e", "cf", "al");
    /** Abbreviations that never end a sentence because a name or number always follows them. */
    private static final Set<String> ALWAYS_FOLLOWED = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "brig",
            "gov", "sen", "rep", "rev", "hon", "pres", "amb", "st", "mt", "messrs", "mme", "mlle", "vs", "v", "e.g", "i.e", "cf");
    /** Words that usually start a sentence: after "U.S." or "etc." they mark a boundary. */
    private static final Set<String> STARTERS = Set.of(
            "The", "A", "An", "It", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "In", "On", "At",
            "But", "And", "However", "Meanwhile", "Its", "His", "Her", "Their", "Our", "There", "Officials", "Analysts",
            "Critics", "After", "Before", "While", "When", "As", "If", "Yet", "Still", "Some", "Many", "Most", "Both");

    /** Characters between two runs of a split's check. */
    static final int CHECK_INTERVAL = 4096;

    private SentenceSplitter() {}

    /** A sentence's place in the text: {@code text.substring(start, end)}. */
    public record Span(int start, int end) {
        /** Checks the bounds. */
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }
    }

    /**
     * Splits {@code text} into trimmed, non-empty sentence spans in order.
     *
     * @throws IllegalArgumentException if text is null
     */
    public static List<Span> split(CharSequence text) {
        return split(text, () -> {});
    }

    /**
     * {@link #split(CharSequence)}, running {@code check} at the start and then once every
     * 4,096 characters or so (a run of punctuation, closing quotes or spaces is
     * read in one step, at a few nanoseconds a character); whatever it throws (a
     * {@code TimeBudgetExceededException} when a time budget has run out) stops the split.
     *
     * @throws IllegalArgumentException if text or check is null
     */
    public static List<Span> split(CharSequence text, Runnable check) {
        if (text == null || check == null) {
            throw new IllegalArgumentException(text == null ? "text must not be null" : "check must not be null");
        }
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int depth = 0; // parentheses open in the current sentence
        int nextCheck = 0;
        for (int i = 0; i < n; i++) {
            if (i >= nextCheck) {
                check.run();
                nextCheck = i + CHECK_INTERVAL;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '（') {
                depth++;
            } else if (isClosingBracket(c) && depth > 0) {
                depth--;
            }
            if (c == '\n' && blankLineFollows(text, i)) {
                add(text, start, i, out);
                start = i + 1;
                depth = 0;
                continue;
            }
            if (!isTerminator(c)) {
                continue;
            }
            int end = i + 1;
            boolean spaceless = isSpacelessTerminator(c);
            while (end < n && isTerminator(text.charAt(end))) {
                spaceless |= isSpacelessTerminator(text.charAt(end));
                end++;
            }
            boolean inBrackets = depth > 0;
            // closing quotes and brackets belong to the sentence they close
            while (end < n && isCloser(text.charAt(end))) {
                if (isClosingBracket(text.charAt(end)) && depth > 0) {
                    depth--;
                }
                end++;
            }
            if (spaceless && !inBrackets) { // 。！？ end a sentence whatever follows
                add(text, start, end, out);
                start = end;
                i = end - 1;
                continue;
            }
            int next = end;
            while (next < n && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next == end && end < n) {
                i = end - 1; // "3.5", "U.S.-led", "NATO.int": no space, no boundary
                continue;
            }
            if (next >= n || (depth == 0 && isBoundary(text, start, i, end, next))) {
                add(text, start, end, out);
                start = end;
                depth = 0;
            }
            i = end - 1;
        }
        add(text, start, n, out);
        return out;
    }

    private static boolean blankLineFollows(CharSequence text, int i) {
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isClosingBracket(char c) {
        return c == ')' || c == ']' || c == '）';
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '؟' || c == '۔' || isSpacelessTerminator(c);
    }

    /** CJK sentence ends, written without a space after them. */
    private static boolean isSpacelessTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '｡';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')' || c == ']' || c == '」' || c == '』' || c == '）';
    }

    /** A letter of a script without case (Arabic, Hebrew, CJK, ...). */
    private static boolean isCaseless(char c) {
        return Character.isLetter(c) && !Character.isUpperCase(c) && !Character.isLowerCase(c) && !Character.isTitleCase(c);
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '“' || c == '‘' || c == '\'' || c == '«' || c == '(' || c == '[';
    }

    /** Decides whether the terminator at {@code term} (punctuation run up to {@code end}) ends the sentence. */
    private static boolean isBoundary(CharSequence text, int start, int term, int end, int next) {
        while (next < text.length() && isInvisible(text, next)) {
            next++; // "Moscow. \u200FThe ...": what the reader sees next decides
        }
        if (next == text.length()) {
            return true;
        }
        char first = text.charAt(next);
        boolean upperNext = Character.isUpperCase(first) || Character.isDigit(first) || isOpener(first) || isCaseless(first);
        char t = text.charAt(term);
        if (t != '.' || end - term > 1) {
            return upperNext; // "?", "!", "…", "...": a boundary when a new sentence visibly starts
        }
        String word = wordBefore(text, start, term);
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        String nextWord = wordAfter(text, next);
        if (!upperNext) {
            return false;
        }
        if (ALWAYS_FOLLOWED.contains(lower)) {
            return false;
        }
        if (lower.equals("no") || lower.equals("nos") || lower.equals("art") || lower.equals("vol") || lower.equals("p") || lower.equals("pp")) {
            return !Character.isDigit(first);
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return STARTERS.contains(nextWord); // an initial, as in "J. Smith"
        }
        if (word.indexOf('.') >= 0 || ABBREVIATIONS.contains(lower)) {
            return STARTERS.contains(nextWord); // "U.S.", "etc.", "Inc.": only before a typical sentence opener
        }
        return true;
    }

    private static String wordBefore(CharSequence text, int start, int term) {
        int b = term;
        while (b > start && (Character.isLetterOrDigit(text.charAt(b - 1)) || (text.charAt(b - 1) == '.' && b - 1 > start
                && Character.isLetter(text.charAt(b - 2))))) {
            b--;
        }
        return text.subSequence(b, term).toString();
    }

    private static String wordAfter(CharSequence text, int next) {
        int i = next;
        while (i < text.length() && isOpener(text.charAt(i))) {
            i++;
        }
        int e = i;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return text.subSequence(i, e).toString();
    }

    /** A control or format character (zero-width, bidi mark) or a lone surrogate: nothing a reader sees. */
    private static boolean isInvisible(CharSequence text, int i) {
        char c = text.charAt(i);
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.FORMAT) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    /** Whitespace, no-break spaces included, or an invisible character: trimmed off a sentence's ends. */
    private static boolean isBlank(CharSequence text, int i) {
        char c = text.charAt(i);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(text, i);
    }

    private static void add(CharSequence text, int start, int end, List<Span> out) {
        while (start < end && isBlank(text, start)) {
            start++;
        }
        while (end > start && isBlank(text, end - 1)) {
            end--;
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
    }
}
