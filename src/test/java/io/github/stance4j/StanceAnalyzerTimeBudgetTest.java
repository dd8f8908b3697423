package io.github.stance4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.result.DocumentResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The time budget of {@code analyze(text, budget)} and {@code analyzeAll(texts, budget)}. No test
 * depends on the machine's speed: a budget is either a millisecond for hundreds of model batches,
 * or an hour for a few.
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
}
