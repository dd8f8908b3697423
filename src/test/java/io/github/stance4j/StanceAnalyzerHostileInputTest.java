package io.github.stance4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.result.DocumentResult;
import io.github.stance4j.result.SentenceResult;
import io.github.stance4j.result.TargetMention;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input for {@code analyze} (issue 10): each case gets a result, or the documented
 * exception, and every span maps back to the text.
 */
class StanceAnalyzerHostileInputTest {
    private static StanceAnalyzer analyzer;

    @BeforeAll
    static void open() {
        analyzer = StanceAnalyzer.create();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    /** Every sentence and mention span reads back from the text; sentences in order; probabilities sum to 1. */
    static DocumentResult checked(String text, DocumentResult r) {
        int last = 0;
        for (SentenceResult s : r.sentences()) {
            assertTrue(s.start() >= last && s.end() > s.start() && s.end() <= text.length(), "sentence span " + s.start() + "-" + s.end());
            assertEquals(text.substring(s.start(), s.end()), s.text());
            last = s.end();
            assertEquals(1.0, s.sentiment().scores().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-4);
            for (TargetMention t : s.targets()) {
                assertTrue(t.start() >= s.start() && t.end() <= s.end(), "mention inside its sentence");
                assertEquals(text.substring(t.start(), t.end()), t.mention());
                assertEquals(1.0, t.stance().scores().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-4);
            }
        }
        return r;
    }

    private static DocumentResult analyze(String text) {
        return checked(text, analyzer.analyze(text));
    }

    private static String targets(DocumentResult r) {
        return r.sentences().stream().map(s -> s.targets().stream().map(TargetMention::target).collect(Collectors.joining(",")))
                .collect(Collectors.joining("|"));
    }

    @Test
    void emptyText_noSentences() {
        assertEquals(0, analyze("").sentences().size());
        assertTrue(analyze("").blocs().isEmpty());
    }

    @Test
    void whitespaceOnly_noSentences() {
        assertEquals(0, analyze(" \t\n\r\n\u00A0\u3000\u2028 ").sentences().size());
    }

    @Test
    void fiveMegabyteLineWithoutPunctuation_refusedByTheDefaultLimit_namingSizeAndLimit() {
        String line = "nato leaders met again and talked ".repeat(5 * 1024 * 1024 / 34 + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analyzer.analyze(line));
        assertTrue(e.getMessage().contains(String.format(java.util.Locale.ROOT, "%,d", line.length())), e.getMessage());
        assertTrue(e.getMessage().contains("1,000,000"), e.getMessage());
    }

    @Test
    void longLineWithoutPunctuation_underTheLimit_isOneSentenceReadInWindows() {
        String line = "NATO leaders met " + "and talked about the weather again ".repeat(600) + "while ASEAN waited";
        DocumentResult r = analyze(line);
        assertEquals(1, r.sentences().size());
        assertEquals("NATO,ASEAN", targets(r));
    }

    @Test
    void hundredThousandTinySentences_oneResultEach() {
        String text = "Hi. No. Yes! Go? NATO met. ".repeat(20_000);
        DocumentResult r = analyze(text);
        assertEquals(100_000, r.sentences().size());
        assertEquals(r.sentences().get(0).sentiment(), r.sentences().get(99_995).sentiment()); // repeated sentences are scored once
        assertEquals(20_000, r.blocs().get("NATO").mentions());
    }

    @Test
    void sentenceRepeatingABlocName1000Times_everyMentionScored_oneReadingPerTarget() {
        String text = "NATO ".repeat(1000) + "and ASEAN met.";
        DocumentResult r = analyze(text);
        List<TargetMention> t = r.sentences().get(0).targets();
        assertEquals(1001, t.size());
        assertEquals(1000, r.blocs().get("NATO").mentions());
        assertEquals(t.get(0).stance(), t.get(999).stance());
    }

    @Test
    void loneSurrogates_areReadAroundThem() {
        DocumentResult r = analyze("NATO\uD800 warned Moscow. \uDC00ASEAN met \uDBFF. \uDFFF");
        assertEquals("NATO|ASEAN", targets(r));
    }

    @Test
    void nulAndControlCharacters_areReadAsNothing() {
        DocumentResult r = analyze("\u0000NATO\u0000 warned\u0007 Moscow. \u001B\u0000ASEAN\u0008 met.\u007F\u0000");
        assertEquals("NATO|ASEAN", targets(r));
    }

    @Test
    void zeroWidthSpaceInsideNato_stillAMention_scoredAsWithout() {
        DocumentResult plain = analyze("Lavrov warned that NATO is expanding toward Asia.");
        DocumentResult hidden = analyze("Lavrov warned that NA\u200BTO is expanding toward Asia.");
        TargetMention m = hidden.sentences().get(0).targets().get(0);
        assertEquals("NATO", m.target());
        assertEquals("NA\u200BTO", m.mention());
        assertEquals(plain.sentences().get(0).targets().get(0).stance(), m.stance());
    }

    @Test
    void zeroWidthJoinersAndBidiMarks_aroundAndInsideNames() {
        DocumentResult r = analyze("\u202BThe \u200FNATO\u200E summit\u202C and the AS\u200DEAN\u2066 forum\u2069 met. \u2067EU\u2069 envoys left.");
        assertEquals("NATO,ASEAN|EU", targets(r));
    }

    @Test
    void chineseTextOfThreeSentences_threeSentences_andNatoFound() {
        DocumentResult r = analyze("北约NATO峰会在布鲁塞尔举行。成员国讨论了防务开支！东盟会作何反应？");
        assertEquals(3, r.sentences().size());
        assertEquals("NATO||", targets(r));
    }

    @Test
    void arabicSentences_areSplit() {
        DocumentResult r = analyze("اجتمع قادة NATO في بروكسل. هل سيتوسع الحلف؟ لم يجب أحد.");
        assertEquals(3, r.sentences().size());
        assertEquals("NATO||", targets(r));
    }

    @Test
    void emojiSequences_keepOffsetsRight() {
        DocumentResult r = analyze("NATO 👍🏽 leaders 👨‍👩‍👧 met 🇪🇺 in 🏴󠁧󠁢󠁳󠁣󠁴󠁿. ASEAN 🙂 agreed‼️");
        assertEquals("NATO|ASEAN", targets(r));
    }

    @Test
    void htmlMarkup_isReadAsText() {
        DocumentResult r = analyze("<html><body><p class=\"lead\"><b>NATO</b> warned &amp; <a href=\"/asean\">ASEAN</a> met.</p>"
                + "<script>var EU = 1;</script></body></html>");
        assertTrue(targets(r).startsWith("NATO,ASEAN"), targets(r));
    }

    @Test
    void markdownMarkup_isReadAsText() {
        DocumentResult r = analyze("# NATO summit\n\n**NATO** leaders met. [ASEAN](https://asean.org) agreed.\n\n- *EU* envoys\n- `G7`");
        assertEquals("NATO|NATO|ASEAN|EU,G7", targets(r)); // list items without a blank line between them are one sentence
    }

    @Test
    void analyzeAll_textOverTheLimit_namesItsIndex_andAnalyzesNothing() throws Exception {
        try (StanceAnalyzer small = StanceAnalyzer.builder().maxDocumentChars(10).build()) {
            assertEquals(10, small.maxDocumentChars());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> small.analyzeAll(List.of("NATO met.", "NATO met again.")));
            assertTrue(e.getMessage().startsWith("texts[1] has 15 characters"), e.getMessage());
        }
    }

    @Test
    void builder_maxDocumentCharsZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StanceAnalyzer.builder().maxDocumentChars(0));
        assertTrue(e.getMessage().contains("0"));
    }

    @Test
    void builder_maxDocumentCharsNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StanceAnalyzer.builder().maxDocumentChars(-5));
        assertTrue(e.getMessage().contains("-5"));
    }

    @Test
    void analyzeAll_nullList() {
        assertThrows(IllegalArgumentException.class, () -> analyzer.analyzeAll(null));
    }

    @Test
    void analyzeAll_nullText() {
        assertThrows(IllegalArgumentException.class, () -> analyzer.analyzeAll(java.util.Arrays.asList("NATO met.", null)));
    }
}
