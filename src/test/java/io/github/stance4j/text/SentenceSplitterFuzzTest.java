package io.github.stance4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.Fuzz;
import io.github.stance4j.text.SentenceSplitter.Span;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the splitter with seeded random property tests (see {@link Fuzz}): spans are in order,
 * never overlap, lie inside the text, are trimmed and non-empty, and together cover every visible
 * character. Each property runs 200 tries from a fixed seed, so a failure reproduces; run longer
 * with {@code mvn -B test -Dtest='*FuzzTest' -Dstance4j.fuzz.tries=20000}. Findings are kept below
 * as plain {@code finding_*} tests.
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

    /** Up to 60 {@link #PIECES}, concatenated. */
    static String newsLike(Random r) {
        return Fuzz.joined(r, PIECES, 60);
    }

    @Test
    void spans_inOrder_disjoint_trimmed_andCoverEveryVisibleChar() {
        Fuzz.forAll(0x5E7_0001L, 200, SentenceSplitterFuzzTest::newsLike, SentenceSplitterFuzzTest::assertSplit);
    }

    @Test
    void anyString_spans_inOrder_disjoint_trimmed_andCoverEveryVisibleChar() {
        Fuzz.forAll(0x5E7_0002L, 200, r -> Fuzz.anyString(r, 255), SentenceSplitterFuzzTest::assertSplit);
    }

    @Test
    void finding_fullwidthParenthesisClosesAfterCjkStop() {
        assertSplit("北约（NATO。）峰会举行。");
    }

    @Test
    void finding_loneSurrogateAfterTerminator() {
        assertSplit("NATO met. \uDC00ASEAN too.\uD800");
    }

    @Test
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
