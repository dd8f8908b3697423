package io.github.stance4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: outputs, exit codes, one-line errors. */
class MainTest {
    record Run(int code, String out, String err) {}

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static void assertOneLineError(Run r, int code, String fragment) {
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void score_seed_json() throws Exception {
        Run r = run("score", "seeds/nato-asia-pacific-lavrov.txt");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("nato-asia-pacific-lavrov.txt", doc.get("id").asText());
        assertEquals("CAUTIONARY", doc.get("blocs").get("NATO").get("label").asText());
        JsonNode first = doc.get("sentences").get(0);
        for (String field : List.of("index", "start", "end", "text", "sentiment", "targets")) {
            assertTrue(first.has(field), field);
        }
        JsonNode target = first.get("targets").get(0);
        for (String field : List.of("target", "mention", "start", "end", "implicit", "stance")) {
            assertTrue(target.has(field), field);
        }
        assertTrue(doc.get("blocs").get("NATO").has("mentions"));
    }

    @Test
    void score_table() {
        Run r = run("score", "seeds/nato-asia-pacific-lavrov.txt", "--format", "table");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("-> CAUTIONARY NATO"), r.out());
    }

    @Test
    void score_jsonl_badLineYieldsErrorRecord(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("docs.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"NATO warned Moscow.\"}\n{broken\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"ASEAN met.\"}\n");
        Run r = run("score", in.toString(), "--format", "jsonl");
        assertEquals(4, r.code());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        ObjectMapper json = new ObjectMapper();
        assertTrue(json.readTree(lines.get(0)).has("sentences"));
        assertEquals("line-2", json.readTree(lines.get(1)).get("id").asText());
        assertTrue(json.readTree(lines.get(1)).has("error"));
        assertEquals("c", json.readTree(lines.get(2)).get("id").asText());
        assertTrue(json.readTree(lines.get(3)).has("sentences"));
        assertTrue(r.err().contains("4 documents, 2 could not be scored (see their error records)"), r.err());
    }

    @Test
    void score_jsonl_lineThatIsNotUtf8_losesOnlyItself(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("docs.jsonl");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("{\"id\":\"a\",\"text\":\"NATO warned Moscow.\"}\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, '"', '}', '\n'});
        b.writeBytes("{\"id\":\"c\",\"text\":\"ASEAN’s leaders met.\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(in, b.toByteArray());
        Run r = run("score", in.toString(), "--format", "jsonl");
        assertEquals(4, r.code());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        ObjectMapper json = new ObjectMapper();
        assertEquals("a", json.readTree(lines.get(0)).get("id").asText());
        assertEquals("line-2", json.readTree(lines.get(1)).get("id").asText());
        assertTrue(json.readTree(lines.get(1)).get("error").asText().contains("not UTF-8"), lines.get(1));
        assertEquals("ASEAN", json.readTree(lines.get(2)).get("sentences").get(0).get("targets").get(0).get("target").asText());
    }

    @Test
    void score_folder_unreadableFileYieldsErrorRecord(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "The EU welcomed the deal.");
        Files.write(dir.resolve("b.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'N', 'A'});
        Run r = run("score", dir.toString(), "--format", "jsonl");
        assertEquals(4, r.code());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("not UTF-8"), lines.get(1));
    }

    @Test
    void score_missingFile() {
        assertOneLineError(run("score", "no-such-file.txt"), 2, "no such file or folder: no-such-file.txt");
    }

    @Test
    void score_badFormat() {
        assertOneLineError(run("score", "seeds", "--format", "xml"), 2, "--format must be json, jsonl, csv, rows or table, not 'xml'");
    }

    @Test
    void evaluate_json(@TempDir Path dir) throws Exception {
        Path st = dir.resolve("st.jsonl");
        Path se = dir.resolve("se.jsonl");
        Files.writeString(st, "{\"id\":\"1\",\"text\":\"Lavrov warned that NATO's moves threaten the region.\",\"target\":\"NATO\",\"stance\":\"CAUTIONARY\"}\n"
                + "{\"id\":\"2\",\"text\":\"The alliance was praised.\",\"context\":\"NATO met.\",\"target\":\"NATO\",\"mention\":\"The alliance\",\"implicit\":true,\"stance\":\"SUPPORTIVE\"}\n");
        Files.writeString(se, "{\"id\":\"3\",\"text\":\"Leaders hailed a breakthrough.\",\"sentiment\":\"POSITIVE\"}\n");
        Run r = run("evaluate", "--stance", st.toString(), "--sentiment", se.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        for (String key : List.of("stance", "stance_explicit", "stance_implicit", "sentiment")) {
            assertTrue(n.get(key).has("macro_f1"), key);
        }
        assertEquals(1, n.get("counts").get("stance_implicit").asInt());
    }

    @Test
    void evaluate_badLabel(@TempDir Path dir) throws Exception {
        Path st = dir.resolve("st.jsonl");
        Files.writeString(st, "{\"id\":\"1\",\"text\":\"NATO met.\",\"target\":\"NATO\",\"stance\":\"HOSTILE\"}\n");
        assertOneLineError(run("evaluate", "--stance", st.toString()), 2, "label 'HOSTILE' is not one of");
    }

    @Test
    void soup_notAModelFolder(@TempDir Path dir) {
        assertOneLineError(run("soup", "--out", dir.resolve("s").toString(), "models", dir.toString()), 2,
                "not a model folder: " + dir);
    }

    @Test
    void soup_badTemperatures() {
        for (String bad : new String[] {"1.3", "1.3,0", "1.3,1.55,2", "Infinity,1", "-1,1"}) {
            assertOneLineError(run("soup", "--out", "target/never", "models", "models", "--temperatures", bad), 2,
                    "temperatures: give two positive numbers, STANCE,SENTIMENT");
        }
        assertFalse(Files.exists(Path.of("target/never")), "nothing is written before the temperatures are checked");
    }

    @Test
    void evaluate_noInput() {
        assertOneLineError(run("evaluate"), 2, "give --stance FILE, --sentiment FILE, --documents FILE, --suite or --fit-summary");
    }

    @Test
    void train_badLayers() {
        // names its data: the default folders include training-data/real/train, which this checkout does not hold
        assertOneLineError(run("train", "--train", "training-data/train", "--layers", "9"), 2, "layers must be in 1..6 (all-minilm-l6-v2): 9");
    }

    @Test
    void train_continuing_takesTheLayersOfTheModelFolder() {
        // models/ holds a 12-layer marker-tokens model: without --layers or --encoder the run keeps its
        // 12 layers (the design is what differs here, so the run stops before training)
        assertOneLineError(run("train", "--train", "training-data/train", "--base", "models", "--design", "target-marking"), 2,
                "models is a marker-tokens model with 12 layers; this run trains target-marking with 12");
    }

    @Test
    void train_unknownEncoder() {
        assertOneLineError(run("train", "--train", "training-data/train", "--encoder", "bert-large"), 2,
                "encoder must be one of [all-minilm-l6-v2, e5-small-v2]: bert-large");
    }

    @Test
    void unknownCommand() {
        Run r = run("frobnicate");
        assertEquals(2, r.code());
        assertFalse(r.err().contains("\tat "));
    }
}
