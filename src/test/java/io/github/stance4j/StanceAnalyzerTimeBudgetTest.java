package io.github.stance4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.result.DocumentResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The time budget of {@code analyze(text, budget)}, {@code analyzeAll(texts, budget)} and
 * {@code analyzeEach(texts, budget)}. No test depends on the machine's speed: a budget is either a
 * millisecond for hundreds of model batches, a second for a thousand batches beside documents of a
 * few milliseconds, or an hour for a few batches.
 */
class StanceAnalyzerTimeBudgetTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static StanceAnalyzer analyzer;

    @BeforeAll
    static void open() {
        analyzer = StanceAnalyzer.create();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    /** Sentences that all differ, so each is a model input of its own: {@code n / 32} batches at least. */
    private static String distinctSentences(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("NATO vote ").append(i).append(" passed. ");
        }
        return sb.toString();
    }

    @Test
    void analyze_overTheBudget_throwsNamingIt() {
        Duration ms = Duration.ofMillis(1);
        TimeBudgetExceededException e = assertThrows(TimeBudgetExceededException.class, () -> analyzer.analyze(distinctSentences(3000), ms));
        assertEquals("took longer than the 0.001 s time budget", e.getMessage());
        assertEquals(ms, e.budget());
    }

    @Test
    void analyzeAll_overTheBudget_throws() {
        assertThrows(TimeBudgetExceededException.class, () -> analyzer.analyzeAll(List.of("NATO met.", distinctSentences(3000)), Duration.ofMillis(1)));
    }

    @Test
    void overTheBudget_freesTheCallsNativeMemory_andTheAnalyzerGoesOn() {
        int before = analyzer.openNativeArrays();
        assertThrows(TimeBudgetExceededException.class, () -> analyzer.analyze(distinctSentences(3000), Duration.ofMillis(1)));
        assertEquals(before, analyzer.openNativeArrays());
        assertEquals("NATO", analyzer.analyze("NATO met.", HOUR).sentences().get(0).targets().get(0).target());
    }

    @Test
    void withinTheBudget_sameResultsAsWithout() {
        String text = "Lavrov warned that NATO's expansion threatens Asia. ASEAN leaders welcomed the talks. Markets were calm.";
        assertEquals(analyzer.analyze(text), analyzer.analyze(text, HOUR));
        List<String> texts = List.of(text, "", "The EU and BRICS met.");
        List<DocumentResult> plain = analyzer.analyzeAll(texts);
        assertEquals(plain, analyzer.analyzeAll(texts, HOUR));
    }

    @Test
    void hugeBudget_isNoBudget() {
        assertEquals(1, analyzer.analyze("NATO met.", Duration.ofSeconds(Long.MAX_VALUE)).sentences().size());
    }

    @Test
    void budget_null() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analyzer.analyze("NATO met.", null));
        assertEquals("timeBudget must be positive, got null", e.getMessage());
    }

    @Test
    void budget_zero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analyzer.analyze("NATO met.", Duration.ZERO));
        assertEquals("timeBudget must be positive, got PT0S", e.getMessage());
    }

    @Test
    void budget_negative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analyzer.analyzeAll(List.of("NATO met."), Duration.ofSeconds(-5)));
        assertTrue(e.getMessage().contains("PT-5S"), e.getMessage());
    }

    @Test
    void message_secondsAsWritten() {
        assertEquals("took longer than the 60 s time budget", new TimeBudgetExceededException(Duration.ofSeconds(60)).getMessage());
        assertEquals("took longer than the 2.5 s time budget", new TimeBudgetExceededException(Duration.ofMillis(2500)).getMessage());
        assertEquals("took longer than the 0.000000001 s time budget", new TimeBudgetExceededException(Duration.ofNanos(1)).getMessage());
    }

    @Test
    void analyzeEach_oneDocumentOverItsBudget_getsTheError_theOthersTheirResults_inOrder() {
        // 30,000 different sentences need about a thousand model batches: far beyond a second anywhere;
        // the two short documents need a few milliseconds of their own
        List<String> texts = List.of("NATO met.", distinctSentences(30_000), "ASEAN met.");

        List<StanceAnalyzer.Outcome> out = analyzer.analyzeEach(texts, Duration.ofSeconds(1));

        assertEquals(3, out.size());
        assertEquals("NATO", out.get(0).result().sentences().get(0).targets().get(0).target());
        assertNull(out.get(1).result());
        assertEquals("took longer than the 1 s time budget", out.get(1).error().getMessage());
        assertEquals("ASEAN", out.get(2).result().sentences().get(0).targets().get(0).target());
    }

    @Test
    void analyzeEach_withinTheBudget_theResultsOfAnalyzeAll_bitForBit() {
        List<String> texts = List.of("Lavrov warned that NATO's expansion threatens Asia. ASEAN leaders welcomed the talks.", "",
                "The EU and BRICS met.", "NATO met.", "NATO met.");
        List<DocumentResult> all = analyzer.analyzeAll(texts);
        assertEquals(all, analyzer.analyzeEach(texts, HOUR).stream().map(StanceAnalyzer.Outcome::result).toList());
    }

    @Test
    void analyzeEach_noTexts() {
        assertEquals(List.of(), analyzer.analyzeEach(List.of(), HOUR));
    }

    @Test
    void analyzeEach_budget_null() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analyzer.analyzeEach(List.of("NATO met."), null));
        assertEquals("timeBudget must be positive, got null", e.getMessage());
    }

    @Test
    void analyzeEach_texts_null() {
        assertThrows(IllegalArgumentException.class, () -> analyzer.analyzeEach(null, HOUR));
    }

    @Test
    void outcome_neitherOrBoth() {
        DocumentResult r = analyzer.analyze("NATO met.");
        TimeBudgetExceededException e = new TimeBudgetExceededException(HOUR);
        assertThrows(IllegalArgumentException.class, () -> new StanceAnalyzer.Outcome(null, null));
        assertThrows(IllegalArgumentException.class, () -> new StanceAnalyzer.Outcome(r, e));
    }
}
