package io.github.stance4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stance4j.eval.Corpus.StanceItem;
import io.github.stance4j.gazetteer.Gazetteer;
import io.github.stance4j.model.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real annotated text (training-data/real/): the test split is frozen, splits never share a
 * source document, and the gazetteer finds every bloc the annotators confirmed in a sentence.
 */
class RealDataTest {
    private static final Path REAL = Path.of("training-data", "real");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The test split was annotated and adjudicated first and frozen before any model was scored
     * on it: these hashes may only change with a new, documented test set.
     */
    @Test
    void testSplit_isFrozen() throws Exception {
        assertEquals("a36e35180024ef4c42d920cbed86cd5f505e697d1e5505182b715552d547f653", sha256(REAL.resolve("test/stance.jsonl")));
        assertEquals("6a252eadf196150ab4c727b56b23a6beb0fcdef583fd2aad49c41d485ee96a83", sha256(REAL.resolve("test/sentiment.jsonl")));
        assertEquals("9536607d4fb0f00d7069c3b44e0cf8564c44838f45130d6a4a88e7960fb24ea1", sha256(REAL.resolve("documents/test.jsonl")));
    }

    @Test
    void splits_neverShareADocument() throws Exception {
        Map<String, String> splitOf = new HashMap<>();
        for (String split : List.of("train", "dev", "test")) {
            for (String kind : List.of("stance", "sentiment")) {
                Path file = REAL.resolve(split).resolve(kind + ".jsonl");
                if (!Files.exists(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String doc = JSON.readTree(line).path("doc").asText();
                    assertTrue(!doc.isEmpty(), file + ": item without its source document");
                    String prev = splitOf.putIfAbsent(doc, split);
                    assertTrue(prev == null || prev.equals(split), doc + " is in both " + prev + " and " + split);
                }
            }
        }
        assertTrue(splitOf.size() > 400, "documents: " + splitOf.size());
    }

    @Test
    void testAndDevSplits_meetTheFloors() throws Exception {
        for (String split : List.of("test", "dev")) {
            Path dir = REAL.resolve(split);
            if (split.equals("dev") && !Files.exists(dir)) {
                continue;
            }
            assertTrue(Corpus.stance(dir).size() >= 600, split + " stance items: " + Corpus.stance(dir).size());
            assertTrue(Corpus.sentiment(dir).size() >= 500, split + " sentiment items: " + Corpus.sentiment(dir).size());
        }
    }

    /** Every item the annotators kept names its bloc in words the gazetteer knows, as the canonical target. */
    @Test
    void gazetteer_findsEveryAnnotatedBloc() throws Exception {
        Gazetteer g = Gazetteer.defaults();
        List<String> missed = new ArrayList<>();
        int n = 0;
        for (String split : List.of("train", "dev", "test")) {
            Path dir = REAL.resolve(split);
            if (!Files.exists(dir)) {
                continue;
            }
            for (StanceItem it : Corpus.stance(dir)) {
                n++;
                if (g.find(it.text()).stream().noneMatch(m -> m.target().equals(it.target()))) {
                    missed.add(it.id() + " " + it.target() + ": " + it.text());
                }
            }
        }
        assertTrue(n > 900, "items: " + n);
        assertEquals(List.of(), missed);
    }

    @Test
    void documents_holdTheirLabelledBlocs() throws Exception {
        Gazetteer g = Gazetteer.defaults();
        for (String line : Files.readAllLines(REAL.resolve("documents/test.jsonl"))) {
            JsonNode d = JSON.readTree(line);
            d.get("blocs").fieldNames().forEachRemaining(b -> assertTrue(
                    g.find(d.get("text").asText()).stream().anyMatch(m -> m.target().equals(b)), d.get("id") + ": " + b));
        }
    }

    private static String sha256(Path p) throws Exception {
        return ModelBundle.sha256(Files.readAllBytes(p));
    }
}
