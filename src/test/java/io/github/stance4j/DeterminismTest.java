package io.github.stance4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.result.DocumentResult;
import io.github.stance4j.result.SentenceResult;
import io.github.stance4j.result.Sentiment;
import io.github.stance4j.result.Stance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same input and model give the same output across runs (bit for bit) and across batch
 * compositions (same labels; probabilities within {@link #BATCH_BOUND}, see the README's
 * Reliability section). Across threads: {@link StanceAnalyzerConcurrencyTest}.
 */
class DeterminismTest {
    /** The largest probability difference allowed between a document alone and inside a batch (measured: below 1e-6). */
    static final double BATCH_BOUND = 1e-5;
    private static StanceAnalyzer analyzer;

    @BeforeAll
    static void open() {
        analyzer = StanceAnalyzer.create();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void sameDocument_twice_bitIdentical() throws Exception {
        String seed = Files.readString(Path.of("seeds", "nato-asia-pacific-lavrov.txt"));
        assertEquals(analyzer.analyze(seed), analyzer.analyze(seed));
    }

    @Test
    void documentAlone_orInsideABatchOf50Others_sameLabels_probabilitiesWithinTheBound() throws Exception {
        List<String> others = TestCorpus.documents(80, 5).subList(30, 80);
        List<String> probes = new ArrayList<>(TestCorpus.documents(6, 5));
        probes.add(Files.readString(Path.of("seeds", "nato-asia-pacific-lavrov.txt")));
        double largest = 0;
        for (String probe : probes) {
            List<String> batch = new ArrayList<>(others);
            batch.add(25, probe);
            DocumentResult alone = analyzer.analyze(probe);
            DocumentResult inBatch = analyzer.analyzeAll(batch).get(25);
            assertEquals(labels(alone), labels(inBatch));
            largest = Math.max(largest, largestDifference(alone, inBatch));
        }
        System.out.printf("largest probability difference, alone vs in a batch of 51: %.3g%n", largest);
        assertTrue(largest <= BATCH_BOUND, "largest difference " + largest);
    }

    private static List<String> labels(DocumentResult r) {
        List<String> out = new ArrayList<>();
        for (SentenceResult s : r.sentences()) {
            out.add(s.sentiment().label() + s.targets().stream().map(t -> " " + t.target() + "=" + t.stance().label()).reduce("", String::concat));
        }
        return out;
    }

    private static double largestDifference(DocumentResult a, DocumentResult b) {
        double d = 0;
        for (int i = 0; i < a.sentences().size(); i++) {
            SentenceResult x = a.sentences().get(i);
            SentenceResult y = b.sentences().get(i);
            for (Sentiment l : Sentiment.values()) {
                d = Math.max(d, Math.abs(x.sentiment().probability(l) - y.sentiment().probability(l)));
            }
            for (int j = 0; j < x.targets().size(); j++) {
                for (Stance l : Stance.values()) {
                    d = Math.max(d, Math.abs(x.targets().get(j).stance().probability(l) - y.targets().get(j).stance().probability(l)));
                }
            }
        }
        return d;
    }
}
