package io.github.stance4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code score} process killed with SIGKILL in the middle of a run, then resumed, writes
 * the same bytes as a run that was never interrupted.
 */
class ScoreKillResumeTest {
    private static final int BATCH = 8;

    private static ProcessBuilder child(Path dir, Path in, Path out, String... more) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "score", "--input", in.toString(), "--output", out.toString(),
                "--batch", String.valueOf(BATCH), "--threads", "2", "--quiet"));
        cmd.addAll(List.of(more));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve(out.getFileName() + ".stdout").toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(out.getFileName() + ".stderr").toFile()));
    }

    private static int finish(Process p, Path dir, Path out) throws Exception {
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child finishes");
        int code = p.exitValue();
        assertTrue(code == 0 || code == 4, "exit code " + code + ": " + Files.readString(dir.resolve(out.getFileName() + ".stderr")));
        return code;
    }

    private static long recordsDone(Path out) throws IOException {
        Path cp = Checkpoint.pathFor(out);
        return Files.exists(cp) ? Checkpoint.read(cp).counts().records() : 0;
    }

    @Test
    void sigkillMidRun_resume_byteIdenticalToUninterrupted(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("docs.jsonl");
        Files.writeString(in, Corpus.jsonl(300, 42) + "{not json}\n" + Corpus.jsonl(20, 43));
        Path full = dir.resolve("full.jsonl");
        int fullCode = finish(child(dir, in, full).start(), dir, full);

        Path cut = dir.resolve("cut.jsonl");
        Process p = child(dir, in, cut).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (recordsDone(cut) < 3 * BATCH && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(new Random().nextInt(300)); // anywhere in a batch: between two checkpoints, or while writing one
        p.destroyForcibly();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        Checkpoint killed = Checkpoint.read(Checkpoint.pathFor(cut));
        assertFalse(killed.finished(), "killed before the end");
        assertTrue(killed.counts().records() >= 3 * BATCH && killed.counts().records() % BATCH == 0, killed.toString());
        assertTrue(Files.size(cut) >= killed.bytes());

        int resumedCode = finish(child(dir, in, cut, "--resume").start(), dir, cut);
        assertEquals(fullCode, resumedCode);
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(cut));
        assertEquals(Checkpoint.read(Checkpoint.pathFor(full)), Checkpoint.read(Checkpoint.pathFor(cut)));
    }
}
