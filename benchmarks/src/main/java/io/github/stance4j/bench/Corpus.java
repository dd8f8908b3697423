package io.github.stance4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stance4j.text.SentenceSplitter;
import io.github.stance4j.text.SentenceSplitter.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts the benchmarks read: sentences from the dev set and news articles, both from the
 * project's {@code training-data} folder.
 *
 * <ul>
 *   <li>{@code -Dstance4j.bench.sentences=FILE}: a {@code .jsonl} of {@code {"text": ...}} lines,
 *       default {@code ../training-data/dev/sentiment.jsonl};
 *   <li>{@code -Dstance4j.bench.documents=FILE}: same format, default
 *       {@code ../training-data/documents/articles.jsonl}; if that file does not exist, documents
 *       are made by joining the sentences 8 at a time;
 *   <li>{@code -Dstance4j.bench.home=DIR}: the benchmarks folder the defaults are relative to
 *       (found from the jar's location, {@code benchmarks/target/benchmarks.jar}, otherwise the
 *       working directory).
 * </ul>
 *
 * <p>Stateless; thread-safe. Every method reads the files again.
 */
final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {}

    /** All sentences of the sentence file, in file order. */
    static List<String> sentences() {
        return texts(file("stance4j.bench.sentences", "../training-data/dev/sentiment.jsonl"));
    }

    /** The first {@code n} sentences in file order (cycling if the file has fewer). */
    static List<String> sentences(int n) {
        return cycle(sentences(), n);
    }

    /** The articles, or the sentences joined 8 at a time if there is no article file. */
    static List<String> documents() {
        Path p = file("stance4j.bench.documents", "../training-data/documents/articles.jsonl");
        if (Files.exists(p)) {
            return texts(p);
        }
        List<String> s = sentences();
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < s.size(); i += 8) {
            docs.add(String.join(" ", s.subList(i, Math.min(i + 8, s.size()))));
        }
        return docs;
    }

    /**
     * Documents in corpus order (cycling when needed) whose sentences, as
     * {@link SentenceSplitter} finds them, number exactly {@code n}: the last document is cut
     * after its sentence that completes the count. The count is checked by splitting again.
     */
    static List<String> documentsWithSentences(int n) {
        List<String> all = documents();
        List<String> out = new ArrayList<>();
        int count = 0;
        for (int d = 0; count < n; d++) {
            String doc = all.get(d % all.size());
            List<Span> spans = SentenceSplitter.split(doc);
            if (spans.isEmpty()) {
                if (d > all.size() && count == 0) {
                    throw new IllegalStateException("the documents hold no sentences");
                }
                continue;
            }
            if (count + spans.size() <= n) {
                out.add(doc);
                count += spans.size();
            } else {
                out.add(doc.substring(0, spans.get(n - count - 1).end()));
                count = n;
            }
        }
        int check = sentenceCount(out);
        if (check != n) {
            throw new IllegalStateException("document corpus has " + check + " sentences, wanted " + n);
        }
        return List.copyOf(out);
    }

    /** Sentences in the documents, as {@link SentenceSplitter} finds them. */
    static int sentenceCount(List<String> documents) {
        int k = 0;
        for (String d : documents) {
            k += SentenceSplitter.split(d).size();
        }
        return k;
    }

    private static List<String> cycle(List<String> items, int n) {
        if (items.isEmpty()) {
            throw new IllegalStateException("the sentence file is empty");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(items.get(i % items.size()));
        }
        return List.copyOf(out);
    }

    private static List<String> texts(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException("corpus file not found: " + p.toAbsolutePath().normalize()
                    + " (set -Dstance4j.bench.home=<benchmarks folder> or the file's own property)");
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode text = JSON.readTree(line).get("text");
                if (text != null && !text.asText().isBlank()) {
                    out.add(text.asText());
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static Path file(String property, String relative) {
        String v = System.getProperty(property);
        return v != null ? Path.of(v) : home().resolve(relative).normalize();
    }

    private static Path home() {
        String v = System.getProperty("stance4j.bench.home");
        if (v != null) {
            return Path.of(v);
        }
        try {
            // benchmarks/target/benchmarks.jar or benchmarks/target/classes
            Path here = Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path p = here; p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null) {
                    return p.getParent();
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
