package io.github.stance4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stance4j.cli.HostileCorpus.Case;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus ({@link HostileCorpus}) through the real {@code score}: one output
 * record per input line, in order, ids kept; each bad record's error says what is wrong; the good
 * ones have their results; no stack trace; and a record that runs out of its time budget (here
 * 6 s) gets the budget's error instead of holding up the rest. What the outcome depends on is not
 * the machine's speed: the 5 MB line and the 100,000 tiny sentences each need thousands of model
 * batches, far beyond 6 s anywhere, and the records whose time depends on the machine and its load
 * (the sentence naming NATO 20,000 times; the 8,000-character line without punctuation) are accepted
 * either way.
 */
class HostileCorpusTest {
    @Test
    void corpusFile_isWhatHostileCorpusWrites_andSmall() throws Exception {
        assertArrayEquals(HostileCorpus.jsonl(HostileCorpus.cases()), Files.readAllBytes(HostileCorpus.FILE),
                "run HostileCorpus.main to rewrite " + HostileCorpus.FILE);
        assertTrue(Files.size(HostileCorpus.FILE) < 2_000_000);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a stall, not a measurement: the test takes well under a minute
    void score_overTheCorpus_oneRecordPerLine_eachAsExpected(@TempDir Path dir) throws Exception {
        List<Case> cases = new ArrayList<>(HostileCorpus.cases());
        List<Case> large = HostileCorpus.large();
        cases.addAll(large);
        Path in = dir.resolve("hostile.jsonl");
        try (OutputStream out = Files.newOutputStream(in)) {
            out.write(Files.readAllBytes(HostileCorpus.FILE));
            out.write(HostileCorpus.jsonl(large));
        }
        Path out = dir.resolve("scores.jsonl");

        Cli.Run run = Cli.run("score", in.toString(), "--output", out.toString(), "--time-budget", HostileCorpus.BUDGET,
                "--max-chars", "6000000", "--batch", "8");

        assertEquals(4, run.code(), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace: " + run.err());
        assertTrue(run.err().contains(cases.size() + " documents, "), run.err());
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; n++) {
                assertTrue(n < cases.size(), "more records than input lines");
                check(cases.get(n), n + 1, ScoreCommand.JSON.readTree(line));
            }
        }
        assertEquals(cases.size(), n, "one record per input line");
    }

    @Test
    void score_loneSurrogates_writtenAsReplacementCharacters_offsetsKept() throws Exception {
        String line = "{\"id\":\"s\\ud800\",\"text\":\"NATO\\ud800 warned Moscow. \\udc00ASEAN met.\"}\n"; // JSON escapes of lone surrogates

        Cli.Run run = Cli.runWithStdin(line, "score", "-", "--format", "jsonl", "--quiet");

        assertEquals(0, run.code(), run.err());
        assertFalse(run.out().contains("?"), run.out());
        JsonNode record = ScoreCommand.JSON.readTree(run.out());
        assertEquals("s\uFFFD", record.get("id").asText());
        JsonNode sentences = record.get("sentences");
        assertEquals("NATO\uFFFD warned Moscow.", sentences.get(0).get("text").asText());
        assertEquals(22, sentences.get(1).get("start").asInt()); // after the surrogate at 21: offsets index the input
        assertEquals("ASEAN", sentences.get(1).get("targets").get(0).get("mention").asText());
    }

    private static void check(Case c, int lineNo, JsonNode record) {
        String where = "line " + lineNo + " (" + c.id() + ")";
        assertEquals(c.id(), record.get("id").asText(), where);
        JsonNode error = record.get("error");
        if (error != null && c.mayRunOutOfTime() && error.asText().equals(HostileCorpus.OUT_OF_TIME)) {
            return;
        }
        if (c.error() != null) {
            assertNotNull(error, where + " should be an error: " + abbreviated(record));
            assertEquals(c.error(), error.asText(), where);
            return;
        }
        assertNull(error, where);
        JsonNode sentences = record.get("sentences");
        assertEquals(c.sentences(), sentences.size(), where);
        StringJoiner targets = new StringJoiner("|");
        for (JsonNode s : sentences) {
            assertEquals(asWritten(c.text().substring(s.get("start").asInt(), s.get("end").asInt())), s.get("text").asText(), where);
            StringJoiner t = new StringJoiner(",");
            for (JsonNode m : s.get("targets")) {
                assertEquals(asWritten(c.text().substring(m.get("start").asInt(), m.get("end").asInt())), m.get("mention").asText(), where);
                t.add(m.get("target").asText());
            }
            targets.add(t.toString());
        }
        assertEquals(c.targets(), targets.toString(), where);
    }

    /** Text as the output holds it: a lone surrogate, which UTF-8 cannot encode, is written as U+FFFD. */
    private static String asWritten(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    private static String abbreviated(JsonNode record) {
        String s = record.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
