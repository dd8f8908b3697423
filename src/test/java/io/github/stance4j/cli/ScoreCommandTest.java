package io.github.stance4j.cli;

import static io.github.stance4j.cli.Cli.assertOneLineError;
import static io.github.stance4j.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score} as a batch job: order, error records, threads, resume, formats, stdin, refusals. */
class ScoreCommandTest {
    /** 30 generated documents with three unusable lines among them. */
    private static Path input(Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Corpus.jsonl(30, 1).lines().toList());
        lines.add(3, "{broken");
        lines.add(10, "{\"id\":\"no-text\"}");
        lines.add(20, "{\"id\":\"long\",\"text\":\"" + "x".repeat(2000) + "\"}");
        Path in = dir.resolve("docs.jsonl");
        Files.writeString(in, String.join("\n", lines) + "\n");
        return in;
    }

    private static List<String> ids(Path jsonl) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            ids.add(ScoreCommand.JSON.readTree(line).get("id").asText());
        }
        return ids;
    }

    @Test
    void oneRecordPerInputRecord_inOrder_sameBytesWithTwoThreads(@TempDir Path dir) throws Exception {
        Path in = input(dir);
        Path one = dir.resolve("one.jsonl");
        Path two = dir.resolve("two.jsonl");
        Cli.Run r1 = run("score", "--input", in.toString(), "--output", one.toString(), "--batch", "4", "--max-chars", "1000", "--threads", "1");
        Cli.Run r2 = run("score", "--input", in.toString(), "--output", two.toString(), "--batch", "4", "--max-chars", "1000", "--threads", "2");
        assertEquals(4, r1.code(), r1.err());
        assertEquals(4, r2.code(), r2.err());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(String.format("doc-%05d", i));
        }
        expected.add(3, "line-4");
        expected.add(10, "no-text");
        expected.add(20, "long");
        assertEquals(expected, ids(one));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        assertTrue(r2.err().contains("33 documents, 3 could not be scored"), r2.err());
        Checkpoint c = Checkpoint.read(Checkpoint.pathFor(one));
        assertEquals(true, c.finished());
        assertEquals(new Counts(33, c.counts().sentences(), 3), c.counts());
        assertEquals(Files.size(one), c.bytes());
    }

    @Test
    void resume_cutsWhatFollowsTheCheckpoint_andEndsByteIdentical(@TempDir Path dir) throws Exception {
        Path in = input(dir);
        Path full = dir.resolve("full.jsonl");
        assertEquals(4, run("score", in.toString(), "-o", full.toString(), "--batch", "4", "--max-chars", "1000", "--quiet").code());
        // a run that crashed after 2 batches, in the middle of writing the third
        List<String> lines = Files.readAllLines(full);
        Path cut = dir.resolve("cut.jsonl");
        String done = String.join("\n", lines.subList(0, 8)) + "\n";
        Files.writeString(cut, done + lines.get(8).substring(0, 20));
        Checkpoint finished = Checkpoint.read(Checkpoint.pathFor(full));
        new Checkpoint(finished.settings(), new Counts(8, 17, 1), done.getBytes(StandardCharsets.UTF_8).length, false).write(Checkpoint.pathFor(cut));

        Cli.Run again = run("score", in.toString(), "-o", cut.toString(), "--batch", "4", "--max-chars", "1000");
        assertOneLineError(again, 2, "holds an unfinished run (8 records done): add --resume");
        Cli.Run resumed = run("score", in.toString(), "-o", cut.toString(), "--batch", "4", "--max-chars", "1000", "--resume");
        assertEquals(4, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("(25 in this run, resumed after 8)"), resumed.err());
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(cut));

        Cli.Run nothing = run("score", in.toString(), "-o", cut.toString(), "--batch", "4", "--max-chars", "1000", "--resume");
        assertEquals(4, nothing.code(), "a finished run keeps its exit code");
        assertTrue(nothing.err().contains("is complete (33 records, 3 could not be scored); nothing to do"), nothing.err());
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(cut));
    }

    @Test
    void resume_withOtherSettings(@TempDir Path dir) throws Exception {
        Path in = input(dir);
        Path out = dir.resolve("out.jsonl");
        new Checkpoint(java.util.Map.of("--batch", "4"), Counts.ZERO, 0, false).write(Checkpoint.pathFor(out));
        assertOneLineError(run("score", in.toString(), "-o", out.toString(), "--resume"), 2, "cannot resume " + out + ": it was written with");
    }

    @Test
    void stdin_jsonlIsDetected() throws Exception {
        Cli.Run r = Cli.runWithStdin(Corpus.jsonl(3, 2), "score", "--format", "jsonl");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.out().lines().count());
        assertTrue(r.err().contains("reading stdin as JSONL"), r.err());
        Cli.Run text = Cli.runWithStdin(Corpus.jsonl(3, 2), "score", "--format", "jsonl", "--input-format", "text");
        assertEquals(1, text.out().lines().count(), "read as one document");
    }

    @Test
    void csvIn_rowsAndJsonOut(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("docs.csv");
        Files.writeString(in, "id,text\na,\"NATO warned Moscow, then the alliance met.\"\nb,\n");
        Cli.Run rows = run("score", in.toString(), "--format", "rows");
        assertEquals(0, rows.code(), rows.err());
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : rows.out().lines().toList()) {
            parsed.add(ScoreCommand.JSON.readTree(line));
        }
        assertEquals("a", parsed.get(0).get("id").asText());
        assertEquals("NATO", parsed.get(0).get("target").asText());
        assertEquals("b", parsed.get(parsed.size() - 1).get("id").asText(), "an empty text still has its row");
        Cli.Run json = run("score", in.toString(), "--format", "json");
        assertEquals(2, ScoreCommand.JSON.readTree(json.out()).size());
    }

    @Test
    void csvOutput_byTheOutputName(@TempDir Path dir) throws Exception {
        Path in = input(dir);
        Path out = dir.resolve("scores.csv");
        run("score", in.toString(), "-o", out.toString(), "--max-chars", "1000", "--quiet");
        assertEquals(String.join(",", OutputFormat.COLUMNS), Files.readAllLines(out).get(0));
    }

    @Test
    void outputIsTheInput(@TempDir Path dir) throws Exception {
        Path in = input(dir);
        String before = Files.readString(in);
        assertOneLineError(run("score", in.toString(), "-o", dir.resolve(".").resolve("docs.jsonl").toString()), 2, "is the input");
        assertEquals(before, Files.readString(in));
    }

    @Test
    void resumeWithoutOutput() {
        assertOneLineError(run("score", "seeds", "--resume"), 2, "--resume needs --output PATH");
    }

    @Test
    void inputTwice() {
        assertOneLineError(run("score", "seeds", "--input", "seeds"), 2, "give the input once");
    }

    @Test
    void threadsZero() {
        assertOneLineError(run("score", "seeds", "--threads", "0"), 2, "--threads must be at least 1: 0");
    }

    @Test
    void batchZero() {
        assertOneLineError(run("score", "seeds", "--batch", "0"), 2, "--batch must be at least 1: 0");
    }

    @Test
    void progressAndQuiet() {
        assertOneLineError(run("score", "seeds", "--progress", "--quiet"), 2, "--progress and --quiet contradict each other");
    }

    @Test
    void timeBudget_runOut_eachRecordGetsItsError_inOrder_andTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("docs.jsonl");
        Files.writeString(in, Corpus.jsonl(5, 3) + "{\"id\":\"no-text\"}\n");
        Path out = dir.resolve("out.jsonl");
        // a microsecond is over before any document's first model batch, on any machine
        Cli.Run r = run("score", in.toString(), "-o", out.toString(), "--time-budget", "0.000001", "--batch", "4");
        assertEquals(4, r.code(), r.err());
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            records.add(ScoreCommand.JSON.readTree(line));
        }
        assertEquals(List.of("doc-00000", "doc-00001", "doc-00002", "doc-00003", "doc-00004", "no-text"), ids(out));
        for (int i = 0; i < 5; i++) {
            assertEquals("took longer than the 0.000001 s time budget", records.get(i).get("error").asText());
        }
        assertEquals("line 6: no \"text\" field", records.get(5).get("error").asText());
        assertTrue(r.err().contains("6 documents, 6 could not be scored"), r.err());
    }

    @Test
    void timeBudget_default60s_sameOutputAsAnHourLong(@TempDir Path dir) throws Exception {
        Path in = input(dir);
        Cli.Run byDefault = run("score", in.toString(), "--format", "jsonl", "--max-chars", "1000", "--quiet");
        Cli.Run hour = run("score", in.toString(), "--format", "jsonl", "--max-chars", "1000", "--quiet", "--time-budget", "3600");
        assertEquals(byDefault.out(), hour.out());
        assertTrue(run("score", "--help").out().contains("(default: 60)"));
    }

    @Test
    void timeBudgetZero() {
        assertOneLineError(run("score", "seeds", "--time-budget", "0"), 2, "--time-budget must be above 0 and at most 31536000 seconds: 0");
    }

    @Test
    void timeBudgetNegative() {
        assertOneLineError(run("score", "seeds", "--time-budget", "-1.5"), 2, "--time-budget must be above 0 and at most 31536000 seconds: -1.5");
    }

    @Test
    void timeBudgetUnderANanosecond() {
        assertOneLineError(run("score", "seeds", "--time-budget", "1e-999999999"), 2, "seconds: 1E-999999999");
    }

    @Test
    void timeBudgetOverAYear() {
        assertOneLineError(run("score", "seeds", "--time-budget", "1e999999999"), 2, "seconds: 1E+999999999");
    }

    @Test
    void badInputFormat() {
        assertOneLineError(run("score", "seeds", "--input-format", "xml"), 2, "--input-format must be jsonl, text or csv, not 'xml'");
    }
}
