package io.github.stance4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.text.SentenceSplitter.Span;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the splitter (jqwik; {@code -Djqwik.tries.default=N} for a longer run): spans are in
 * order, never overlap, lie inside the text, are trimmed and non-empty, and together cover every
 * visible character. Findings are kept below as {@code @Example}s.
 */
public class SentenceSplitterFuzzTest {
    /** Pieces of news-like and hostile text the generator strings together. */
    public static final List<String> PIECES = List.of(
            "NATO", "the alliance", "U.S.", "Gen.", "No. 2", "3.5", "e.g.", "etc.", "J.", "Mr.", "said", "it", "The", "ASEAN's",
            " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00A0", "\u3000",
            ".", ".", "!", "?", "…", "...", "?!", "。", "！", "？", "｡", "؟", "۔",
            "\"", "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "（", "）", "「", "」",
            "北约", "峰会", "الناتو", "قادة", "회의", "👍🏽", "👨‍👩‍👧", "🇪🇺",
            "\u200B", "\u200D", "\u200F", "\u202E", "\u2066", "\uFEFF", "\u00AD", "\u0000", "\u0007", "\u001B", "\u007F",
            "\uD800", "\uDC00", "<p>", "</b>", "&amp;", "**", "# ", "- ");

    @Provide
    Arbitrary<String> newsLike() {
        return Arbitraries.of(PIECES).list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property
    void spans_inOrder_disjoint_trimmed_andCoverEveryVisibleChar(@ForAll("newsLike") String text) {
        assertSplit(text);
    }

    @Property
    void anyString_spans_inOrder_disjoint_trimmed_andCoverEveryVisibleChar(@ForAll String text) {
        assertSplit(text);
    }

    @Example
    void finding_fullwidthParenthesisClosesAfterCjkStop() {
        assertSplit("北约（NATO。）峰会举行。");
    }

    @Example
    void finding_loneSurrogateAfterTerminator() {
        assertSplit("NATO met. \uDC00ASEAN too.\uD800");
    }

    @Example
    void finding_onlyInvisibleCharacters() {
        assertEquals(List.of(), SentenceSplitter.split("\u200B\u00A0\u0000\uFEFF \u202E"));
    }

    static void assertSplit(String text) {
        List<Span> spans = SentenceSplitter.split(text);
        int last = 0;
        for (Span s : spans) {
            assertTrue(s.start() >= last, "in order, not overlapping: " + spans);
            assertTrue(s.end() > s.start() && s.end() <= text.length(), "inside the text: " + s);
            assertFalse(blank(text.charAt(s.start())) || blank(text.charAt(s.end() - 1)), "trimmed: " + s);
            for (int i = last; i < s.start(); i++) {
                assertTrue(blankOrLone(text, i), "char " + i + " (U+" + Integer.toHexString(text.charAt(i)) + ") left out of every sentence");
            }
            last = s.end();
        }
        for (int i = last; i < text.length(); i++) {
            assertTrue(blankOrLone(text, i), "char " + i + " (U+" + Integer.toHexString(text.charAt(i)) + ") left out of every sentence");
        }
    }

    private static boolean blank(char c) {
        int t = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || t == Character.CONTROL || t == Character.FORMAT;
    }

    private static boolean blankOrLone(String text, int i) {
        return blank(text.charAt(i)) || Character.isSurrogate(text.charAt(i));
    }
}
