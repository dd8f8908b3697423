package io.github.stance4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.StanceAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped model still scores what the README's results table says (the rows
 * {@code evaluate --suite} prints), within 0.01 macro-F1, on the frozen real test set, the real
 * dev set and the written dev set.
 */
class DevScoresRegressionTest {
    /** | set | stance items | stance macro-F1 | explicit | CAUTIONARY F1 | sentiment macro-F1 | ... */
    private static final Pattern ROW = Pattern.compile("^\\| (real test \\(frozen\\)|real dev|written dev) \\| (\\d+) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\|");

    @Test
    void shippedModel_scores_matchTheReadme() throws Exception {
        Map<String, double[]> readme = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                readme.put(m.group(1), new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(6))});
            }
        }
        assertEquals(List.of("real test (frozen)", "real dev", "written dev"), List.copyOf(readme.keySet()), "README results rows");
        Map<String, EvalSet> sets = new LinkedHashMap<>();
        EvalSet.SUITE.forEach(set -> sets.put(set.name(), set));
        try (StanceAnalyzer analyzer = StanceAnalyzer.create()) {
            for (Map.Entry<String, double[]> e : readme.entrySet()) {
                EvalSet set = sets.get(e.getKey());
                Evaluator.Report r = Evaluator.evaluate(analyzer, Corpus.stance(set.stance()), Corpus.sentiment(set.sentiment()));
                assertTrue(Math.abs(r.stance().macroF1() - e.getValue()[0]) <= 0.01,
                        e.getKey() + " stance: README says " + e.getValue()[0] + ", the model now scores " + r.stance().macroF1());
                assertTrue(Math.abs(r.sentiment().macroF1() - e.getValue()[1]) <= 0.01,
                        e.getKey() + " sentiment: README says " + e.getValue()[1] + ", the model now scores " + r.sentiment().macroF1());
            }
        }
    }
}
