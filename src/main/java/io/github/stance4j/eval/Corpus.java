package io.github.stance4j.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stance4j.result.Sentiment;
import io.github.stance4j.result.Stance;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Labelled items in the JSON Lines format of the annotation guideline (ANNOTATION.md): stance
 * items {@code {"id","text","context","target","mention","implicit","stance"}} and sentiment
 * items {@code {"id","text","sentiment"}}.
 */
public final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {}

    /** A stance item; {@code context}, {@code mention} and {@code hardCase} may be null. */
    public record StanceItem(String id, String text, String context, String target, String mention, boolean implicit,
                             Stance stance, String hardCase) {}

    /** A sentiment item. */
    public record SentimentItem(String id, String text, Sentiment sentiment) {}

    /** Reads stance items from a file, or from every {@code *.jsonl} file of a folder whose name starts with "stance". */
    public static List<StanceItem> stance(Path path) throws IOException {
        List<StanceItem> out = new ArrayList<>();
        for (Path file : files(path, "stance")) {
            int line = 0;
            for (JsonNode n : lines(file)) {
                line++;
                String where = file + ":" + line;
                out.add(new StanceItem(text(n, "id", where, false), text(n, "text", where, true), text(n, "context", where, false),
                        text(n, "target", where, true), text(n, "mention", where, false), n.path("implicit").asBoolean(false),
                        label(Stance.class, text(n, "stance", where, true), where), text(n, "case", where, false)));
            }
        }
        return out;
    }

    /** Reads sentiment items from a file, or from every {@code *.jsonl} file of a folder whose name starts with "sentiment". */
    public static List<SentimentItem> sentiment(Path path) throws IOException {
        List<SentimentItem> out = new ArrayList<>();
        for (Path file : files(path, "sentiment")) {
            int line = 0;
            for (JsonNode n : lines(file)) {
                line++;
                String where = file + ":" + line;
                out.add(new SentimentItem(text(n, "id", where, false), text(n, "text", where, true),
                        label(Sentiment.class, text(n, "sentiment", where, true), where)));
            }
        }
        return out;
    }

    /** The files a path stands for: itself, or a folder's {@code prefix*.jsonl} files in name order. */
    public static List<Path> files(Path path, String prefix) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no such file or folder: " + path);
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".jsonl"))
                    .sorted().toList();
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new IOException(file + ":" + n + ": not a JSON object");
                }
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field, String where, boolean required) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IOException(where + ": missing \"" + field + "\"");
            }
            return null;
        }
        return v.asText();
    }

    private static <L extends Enum<L>> L label(Class<L> type, String value, String where) throws IOException {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": label '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
