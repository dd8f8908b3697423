package io.github.stance4j.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far a run into an output file got, kept beside it as OUTPUT.checkpoint: the input records
 * done, the output's length in bytes when they were, running counts, whether the run finished,
 * and the settings a resumed run must share. A run writes one after each batch, once the output
 * is on disk, to a temporary file that is forced to disk and renamed over the old one, so a crash
 * or power loss leaves the old checkpoint or the new one, never half of one. Immutable.
 *
 * @param settings what the output depends on (input, formats, fields, limits, batch size, model)
 * @param counts records, sentences and errors written so far
 * @param bytes the output's length when those records were written
 * @param finished whether the run wrote its last record and footer
 */
record Checkpoint(Map<String, String> settings, Counts counts, long bytes, boolean finished) {
    private static final String FORMAT = "stance4j score checkpoint 1";

    Checkpoint {
        settings = Map.copyOf(settings);
    }

    /** OUTPUT.checkpoint. */
    static Path pathFor(Path output) {
        return output.resolveSibling(output.getFileName() + ".checkpoint");
    }

    /**
     * Where a run into {@code output} starts: from scratch, or, with {@code resume}, from the
     * checkpoint beside it. Refuses (exit code 2) to resume without a checkpoint or with other
     * settings, and to start over an unfinished run without {@code resume}.
     */
    static Checkpoint startingPoint(Path output, Map<String, String> settings, boolean resume) throws IOException {
        Path path = pathFor(output);
        Checkpoint fresh = new Checkpoint(settings, Counts.ZERO, 0, false);
        if (!Files.exists(path)) {
            if (resume && Files.exists(output) && Files.size(output) > 0) {
                throw new CliException(output + " has no checkpoint (" + path + "), so --resume cannot tell where it stopped;"
                        + " run without --resume to start over", 2);
            }
            return fresh;
        }
        Checkpoint c = read(path);
        if (!resume) {
            if (!c.finished()) {
                throw new CliException(output + " holds an unfinished run (" + c.counts().records() + " records done): add --resume to"
                        + " continue it, or delete " + path + " to start over", 2);
            }
            return fresh;
        }
        Set<String> keys = new TreeSet<>(settings.keySet());
        keys.addAll(c.settings().keySet());
        for (String key : keys) {
            if (!Objects.equals(settings.get(key), c.settings().get(key))) {
                throw new CliException("cannot resume " + output + ": it was written with " + key + " " + c.settings().get(key)
                        + ", not " + settings.get(key), 2);
            }
        }
        long size = Files.exists(output) ? Files.size(output) : -1;
        if (!c.finished() && size < c.bytes()) {
            throw new CliException("cannot resume " + output + ": it has " + Math.max(size, 0) + " bytes, fewer than the "
                    + c.bytes() + " its checkpoint recorded", 2);
        }
        return c;
    }

    /** Reads a checkpoint; a damaged one is a CliException naming the file. */
    static Checkpoint read(Path path) throws IOException {
        try {
            JsonNode n = ScoreCommand.JSON.readTree(path.toFile());
            if (!FORMAT.equals(n.path("format").asText())) {
                throw new CliException(path + " is not a stance4j score checkpoint", 2);
            }
            Map<String, String> settings = ScoreCommand.JSON.convertValue(n.get("settings"), new TypeReference<LinkedHashMap<String, String>>() {});
            return new Checkpoint(settings, new Counts(n.get("records").asLong(), n.get("sentences").asLong(), n.get("errors").asLong()),
                    n.get("bytes").asLong(), n.get("finished").asBoolean());
        } catch (CliException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CliException("damaged checkpoint " + path + ": " + e.getMessage(), 2);
        }
    }

    /** Writes the checkpoint to {@code path} durably and atomically. */
    void write(Path path) throws IOException {
        ObjectNode n = ScoreCommand.JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("records", counts.records());
        n.put("sentences", counts.sentences());
        n.put("errors", counts.errors());
        n.put("bytes", bytes);
        n.put("finished", finished);
        n.set("settings", ScoreCommand.JSON.valueToTree(new TreeMap<>(settings)));
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap((ScoreCommand.JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(path.toAbsolutePath().getParent());
    }

    /** Makes the rename durable (POSIX); where a folder cannot be opened (Windows) the rename is already durable enough. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform
        }
    }
}
