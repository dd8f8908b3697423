package io.github.stance4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Documents for the concurrency and determinism tests, made from the dev sentences and the labelled articles. */
final class TestCorpus {
    private TestCorpus() {}

    /** The texts of a JSONL file's {@code "text"} fields. */
    static List<String> texts(Path jsonl) {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(jsonl)) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line).get("text").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code count} documents: the labelled articles, then dev sentences joined {@code perDocument} at a time. */
    static List<String> documents(int count, int perDocument) {
        List<String> docs = new ArrayList<>(texts(Path.of("training-data", "documents", "articles.jsonl")));
        List<String> sentences = texts(Path.of("training-data", "dev", "sentiment.jsonl"));
        for (int i = 0; docs.size() < count; i = (i + perDocument) % (sentences.size() - perDocument)) {
            docs.add(String.join(" ", sentences.subList(i, i + perDocument)));
        }
        return docs.subList(0, count);
    }
}
