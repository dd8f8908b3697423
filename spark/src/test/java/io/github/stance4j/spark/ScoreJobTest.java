package io.github.stance4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link ScoreJob} in Spark local mode on docs.jsonl (24 articles, 13 short texts, an empty
 * text, a null text and a record without text) and checks that the Parquet it writes holds, per
 * document, what the command line's {@code score --format jsonl} prints for the same file.
 */
class ScoreJobTest {
    /** The command line prints probabilities with 4 decimals. */
    private static final double PRINTED = 1e-4;

    @TempDir
    Path dir;

    @Test
    void job_writesParquetEqualToCli() throws Exception {
        Path docs = dir.resolve("docs.jsonl");
        try (InputStream in = ScoreJobTest.class.getResourceAsStream("/docs.jsonl")) {
            Files.copy(in, docs);
        }
        Map<String, JsonNode> cli = runCli(docs, dir.resolve("cli.jsonl"));

        SparkSession spark = LocalSpark.session();
        String parquet = dir.resolve("scores.parquet").toString();
        ScoreJob.Summary summary = ScoreJob.run(spark, docs.toString(), parquet, "id", "text");
        List<Row> rows = spark.read().parquet(parquet).collectAsList();

        assertEquals(40, summary.documents());
        assertEquals(2, summary.errors());
        assertEquals(cli.size(), rows.size());
        long sentences = 0;
        for (Row row : rows) {
            String id = row.getAs("id");
            JsonNode expected = cli.get(id);
            assertNotNull(expected, "the command line has no record " + id);
            assertSameDocument(expected, row);
            sentences += expected.path("sentences").size();
        }
        assertEquals(sentences, summary.sentences());
        assertEquals(1, StanceSpark.loads(), "the model is loaded once per JVM");
    }

    /** {@code java -jar stance4j-cli.jar score --input docs --output out --format jsonl}, by id. */
    private static Map<String, JsonNode> runCli(Path docs, Path out) throws Exception {
        Path jar = Path.of(System.getProperty("stance4j.cli.jar", "../target/stance4j-cli.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run mvn install -DskipTests in the parent folder first");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "score", "--input", docs.toString(), "--output", out.toString(), "--format", "jsonl", "--quiet")
                .redirectErrorStream(true)
                .redirectOutput(out.resolveSibling("cli.log").toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command line did not finish");
        // 4: finished, and some records could not be scored (the null and missing texts)
        assertEquals(4, p.exitValue(), () -> "exit code of the command line; its output: " + read(out.resolveSibling("cli.log")));
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode record = json.readTree(line);
            byId.put(record.get("id").asText(), record);
        }
        return byId;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void assertSameDocument(JsonNode expected, Row actual) {
        String id = expected.get("id").asText();
        if (expected.has("error")) {
            assertNotNull(actual.getAs("error"), id + ": the command line has an error record: " + expected.get("error"));
            assertNull(actual.getAs("sentences"), id);
            assertNull(actual.getAs("blocs"), id);
            return;
        }
        assertNull(actual.getAs("error"), id);
        List<Row> sentences = list(actual, "sentences");
        JsonNode es = expected.get("sentences");
        assertEquals(es.size(), sentences.size(), id + ": sentences");
        for (int i = 0; i < es.size(); i++) {
            JsonNode e = es.get(i);
            Row s = sentences.get(i);
            String where = id + " sentence " + i;
            assertEquals(e.get("index").asInt(), (int) s.getAs("index"), where);
            assertEquals(e.get("start").asInt(), (int) s.getAs("start"), where);
            assertEquals(e.get("end").asInt(), (int) s.getAs("end"), where);
            assertEquals(e.get("text").asText(), s.getAs("text"), where);
            assertPrediction(e.get("sentiment"), s.getAs("sentiment"), where + " sentiment");
            List<Row> targets = list(s, "targets");
            assertEquals(e.get("targets").size(), targets.size(), where + ": targets");
            for (int j = 0; j < targets.size(); j++) {
                JsonNode et = e.get("targets").get(j);
                Row t = targets.get(j);
                String at = where + " target " + j;
                assertEquals(et.get("target").asText(), t.getAs("target"), at);
                assertEquals(et.get("mention").asText(), t.getAs("mention"), at);
                assertEquals(et.get("start").asInt(), (int) t.getAs("start"), at);
                assertEquals(et.get("end").asInt(), (int) t.getAs("end"), at);
                assertEquals(et.get("implicit").asBoolean(), (boolean) t.getAs("implicit"), at);
                assertPrediction(et.get("stance"), t.getAs("stance"), at + " stance");
            }
        }
        List<Row> blocs = list(actual, "blocs");
        List<String> expectedTargets = new ArrayList<>();
        expected.get("blocs").fieldNames().forEachRemaining(expectedTargets::add);
        assertEquals(expectedTargets, blocs.stream().map(b -> (String) b.getAs("target")).toList(), id + ": blocs in order of first mention");
        for (Row b : blocs) {
            JsonNode eb = expected.get("blocs").get((String) b.getAs("target"));
            String where = id + " bloc " + b.getAs("target");
            assertEquals(eb.get("label").asText(), b.getAs("label"), where);
            assertScores(eb.get("scores"), b.getAs("scores"), where);
            assertEquals(eb.get("mentions").asInt(), (int) b.getAs("mentions"), where);
            assertEquals(eb.get("explicit_mentions").asInt(), (int) b.getAs("explicit_mentions"), where);
        }
    }

    private static void assertPrediction(JsonNode expected, Row actual, String where) {
        assertEquals(expected.get("label").asText(), actual.getAs("label"), where);
        assertScores(expected.get("scores"), actual.getAs("scores"), where);
    }

    private static void assertScores(JsonNode expected, Row actual, String where) {
        List<String> labels = new ArrayList<>();
        expected.fieldNames().forEachRemaining(labels::add);
        assertEquals(labels, List.of(actual.schema().fieldNames()), where + ": labels");
        for (String label : labels) {
            assertEquals(expected.get(label).asDouble(), actual.getDouble(actual.fieldIndex(label)), PRINTED, where + " " + label);
        }
    }

    private static List<Row> list(Row row, String field) {
        return row.getList(row.fieldIndex(field));
    }
}
