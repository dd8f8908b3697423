package io.github.stance4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run into a file starts, and the cases where it refuses to. */
class CheckpointTest {
    private static final Map<String, String> SETTINGS = Map.of("--format", "jsonl", "--batch", "8");

    private static CliException refused(Path out, Map<String, String> settings, boolean resume) {
        CliException e = assertThrows(CliException.class, () -> Checkpoint.startingPoint(out, settings, resume));
        assertEquals(2, e.exitCode());
        return e;
    }

    @Test
    void writeThenRead(@TempDir Path dir) throws IOException {
        Checkpoint c = new Checkpoint(SETTINGS, new Counts(16, 70, 1), 12345, false);
        Path p = dir.resolve("out.jsonl.checkpoint");
        c.write(p);
        assertEquals(c, Checkpoint.read(p));
        assertEquals(p, Checkpoint.pathFor(dir.resolve("out.jsonl")));
    }

    @Test
    void nothingThere_startsFresh(@TempDir Path dir) throws IOException {
        Checkpoint c = Checkpoint.startingPoint(dir.resolve("out.jsonl"), SETTINGS, true);
        assertEquals(new Checkpoint(SETTINGS, Counts.ZERO, 0, false), c);
    }

    @Test
    void resume_continuesFromTheCheckpoint(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "0123456789partial");
        Checkpoint c = new Checkpoint(SETTINGS, new Counts(2, 5, 0), 10, false);
        c.write(Checkpoint.pathFor(out));
        assertEquals(c, Checkpoint.startingPoint(out, SETTINGS, true));
    }

    @Test
    void sink_cutsTheOutputToTheCheckpointAndAppends(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "0123456789partial");
        Checkpoint c = new Checkpoint(SETTINGS, new Counts(2, 5, 0), 10, false);
        try (Sink sink = Sink.toFile(out, c)) {
            sink.write("abc".getBytes(StandardCharsets.UTF_8));
            sink.commit(new Counts(3, 6, 0), true);
        }
        assertEquals("0123456789abc", Files.readString(out));
        assertEquals(new Checkpoint(SETTINGS, new Counts(3, 6, 0), 13, true), Checkpoint.read(Checkpoint.pathFor(out)));
    }

    @Test
    void unfinishedRun_withoutResume(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.jsonl");
        new Checkpoint(SETTINGS, new Counts(2, 5, 0), 0, false).write(Checkpoint.pathFor(out));
        assertEquals(out + " holds an unfinished run (2 records done): add --resume to continue it, or delete " + Checkpoint.pathFor(out)
                + " to start over", refused(out, SETTINGS, false).getMessage());
    }

    @Test
    void finishedRun_withoutResume_startsOver(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.jsonl");
        new Checkpoint(SETTINGS, new Counts(2, 5, 0), 0, true).write(Checkpoint.pathFor(out));
        assertEquals(Counts.ZERO, Checkpoint.startingPoint(out, SETTINGS, false).counts());
    }

    @Test
    void resume_otherSettings(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.jsonl");
        new Checkpoint(SETTINGS, new Counts(2, 5, 0), 0, false).write(Checkpoint.pathFor(out));
        assertEquals("cannot resume " + out + ": it was written with --batch 8, not 32",
                refused(out, Map.of("--format", "jsonl", "--batch", "32"), true).getMessage());
    }

    @Test
    void resume_outputShorterThanTheCheckpoint(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "0123");
        new Checkpoint(SETTINGS, new Counts(2, 5, 0), 10, false).write(Checkpoint.pathFor(out));
        assertEquals("cannot resume " + out + ": it has 4 bytes, fewer than the 10 its checkpoint recorded",
                refused(out, SETTINGS, true).getMessage());
    }

    @Test
    void resume_outputWithoutCheckpoint(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "{}\n");
        assertEquals(out + " has no checkpoint (" + Checkpoint.pathFor(out) + "), so --resume cannot tell where it stopped;"
                + " run without --resume to start over", refused(out, SETTINGS, true).getMessage());
    }

    @Test
    void damagedCheckpoint(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(Checkpoint.pathFor(out), "{\"format\":\"stance4j score checkpoint 1\",\"records\":");
        assertEquals(true, refused(out, SETTINGS, true).getMessage().startsWith("damaged checkpoint " + Checkpoint.pathFor(out)));
    }
}
