package io.github.stance4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.eval.Corpus.SentimentItem;
import io.github.stance4j.eval.Corpus.StanceItem;
import io.github.stance4j.gazetteer.Gazetteer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The training corpus follows the guideline and its splits do not leak into each other. */
class CorpusCheckTest {
    private static final Path TRAIN = Path.of("training-data", "train");
    private static final Path DEV = Path.of("training-data", "dev");
    private static List<StanceItem> trainStance;
    private static List<SentimentItem> trainSentiment;
    private static List<StanceItem> devStance;
    private static List<SentimentItem> devSentiment;

    @BeforeAll
    static void load() throws Exception {
        // Corpus refuses labels outside the guideline, so loading is the first check
        trainStance = Corpus.stance(TRAIN);
        trainSentiment = Corpus.sentiment(TRAIN);
        devStance = Corpus.stance(DEV);
        devSentiment = Corpus.sentiment(DEV);
    }

    @Test
    void sizes_meetTheFloors() {
        assertTrue(trainStance.size() >= 1500, "train stance items: " + trainStance.size());
        assertTrue(trainSentiment.size() >= 800, "train sentiment items: " + trainSentiment.size());
        assertTrue(devStance.size() >= 600, "dev stance items: " + devStance.size());
        assertTrue(devSentiment.size() >= 300, "dev sentiment items: " + devSentiment.size());
    }

    @Test
    void stanceItems_followTheGuideline() {
        Gazetteer g = Gazetteer.defaults();
        Set<String> ids = new HashSet<>();
        Set<String> blocs = new HashSet<>();
        for (List<StanceItem> split : List.of(trainStance, devStance)) {
            for (StanceItem it : split) {
                assertTrue(ids.add(it.id()), "duplicate id " + it.id());
                assertNotNull(g.lookup(it.target()), it.id() + ": target is not a gazetteer name: " + it.target());
                assertEquals(g.lookup(it.target()).name(), it.target(), it.id() + ": target is not canonical");
                if (it.mention() != null) {
                    assertTrue(it.text().contains(it.mention()), it.id() + ": mention not in text");
                }
                if (it.implicit()) {
                    assertTrue(it.context() != null && !it.context().isBlank(), it.id() + ": implicit item without context");
                    assertNotNull(it.mention(), it.id() + ": implicit item without mention");
                }
                blocs.add(it.target());
            }
        }
        assertTrue(blocs.size() >= 30, "blocs covered: " + blocs.size());
    }

    @Test
    void everyLabelOccurs() {
        Set<Object> stance = new HashSet<>();
        trainStance.forEach(i -> stance.add(i.stance()));
        Set<Object> sentiment = new HashSet<>();
        trainSentiment.forEach(i -> sentiment.add(i.sentiment()));
        assertEquals(3, stance.size());
        assertEquals(3, sentiment.size());
    }

    @Test
    void splits_shareNoSentenceNorNearDuplicate() {
        List<String> train = new ArrayList<>();
        trainStance.forEach(i -> train.add(i.text()));
        trainSentiment.forEach(i -> train.add(i.text()));
        Map<String, List<Integer>> index = new HashMap<>();
        List<Set<String>> trainGrams = new ArrayList<>();
        Set<String> trainNorm = new HashSet<>();
        for (String t : new HashSet<>(train)) {
            Set<String> g = trigrams(t);
            trainNorm.add(normalize(t));
            for (String x : g) {
                index.computeIfAbsent(x, k -> new ArrayList<>()).add(trainGrams.size());
            }
            trainGrams.add(g);
        }
        List<String> dev = new ArrayList<>();
        devStance.forEach(i -> dev.add(i.text()));
        devSentiment.forEach(i -> dev.add(i.text()));
        List<String> leaks = new ArrayList<>();
        for (String d : new HashSet<>(dev)) {
            if (trainNorm.contains(normalize(d))) {
                leaks.add("same: " + d);
                continue;
            }
            Set<String> g = trigrams(d);
            Map<Integer, Integer> shared = new HashMap<>();
            for (String x : g) {
                for (int i : index.getOrDefault(x, List.of())) {
                    shared.merge(i, 1, Integer::sum);
                }
            }
            for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
                Set<String> other = trainGrams.get(e.getKey());
                double jaccard = e.getValue() / (double) (g.size() + other.size() - e.getValue());
                if (jaccard > 0.5) {
                    leaks.add(String.format("near (%.2f): %s", jaccard, d));
                    break;
                }
            }
        }
        assertTrue(leaks.isEmpty(), leaks.size() + " dev sentences repeat train: " + leaks.subList(0, Math.min(5, leaks.size())));
    }

    static String normalize(String t) {
        return t.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").strip();
    }

    static Set<String> trigrams(String t) {
        String[] w = normalize(t).split(" ");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 < w.length; i++) {
            out.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
        }
        return out;
    }
}
