package io.github.stance4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.StanceAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped model still scores on the dev set what the README says, within 0.01 macro-F1. */
class DevScoresRegressionTest {
    private static final Pattern ROW = Pattern.compile("^\\| (stance, all|stance, explicit|stance, implicit|sentiment) \\| (\\d+) \\| ([0-9.]+) \\|");

    @Test
    void shippedModel_devScores_matchTheReadme() throws Exception {
        Map<String, Double> readme = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                readme.put(m.group(1), Double.parseDouble(m.group(3)));
            }
        }
        assertEquals(4, readme.size(), "README holds the four dev-set rows: " + readme);
        Evaluator.Report r;
        try (StanceAnalyzer analyzer = StanceAnalyzer.create()) {
            r = Evaluator.evaluate(analyzer, Corpus.stance(Path.of("training-data", "dev")), Corpus.sentiment(Path.of("training-data", "dev")));
        }
        Map<String, Double> now = Map.of("stance, all", r.stance().macroF1(), "stance, explicit", r.stanceExplicit().macroF1(),
                "stance, implicit", r.stanceImplicit().macroF1(), "sentiment", r.sentiment().macroF1());
        for (Map.Entry<String, Double> e : readme.entrySet()) {
            assertTrue(Math.abs(now.get(e.getKey()) - e.getValue()) <= 0.01,
                    e.getKey() + ": README says " + e.getValue() + ", the model now scores " + now.get(e.getKey()));
        }
    }
}
