package io.github.stance4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.result.DocumentResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per {@code analyze} call over growing inputs (issue 10: work linear in input size). Every
 * input is made of distinct text, so the analyzer's scoring of repeated sentences once does not
 * flatter it.
 *
 * <ul>
 *   <li>{@code document}: a base document of {@value #BASE_SENTENCES} distinct dev sentences,
 *       and documents {@code scale} times as long (more distinct dev sentences);
 *   <li>{@code repeatedName}: one sentence naming NATO {@code mentions} times, each time followed
 *       by five words of a different dev sentence (no punctuation): about six tokens per mention,
 *       so the sentence runs from about 60 to 6,000 tokens and is read in windows.
 * </ul>
 *
 * <p>Linear work shows as time ratios equal to the size ratios; {@link #main} prints them from a
 * results file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"})
public class LinearityBenchmark {
    /** Sentences in the base document. */
    static final int BASE_SENTENCES = 32;

    /** The analyzer with the embedded model. */
    @State(Scope.Benchmark)
    public static class Analyzer {
        StanceAnalyzer analyzer;

        @Setup(Level.Trial)
        public void load() {
            Bench.configure();
            analyzer = StanceAnalyzer.create();
        }

        @TearDown(Level.Trial)
        public void close() {
            analyzer.close();
        }
    }

    /** A document {@code scale} times the base document. */
    @State(Scope.Benchmark)
    public static class Document {
        /** Size relative to the base document. */
        @Param({"1", "4", "16"})
        public int scale;

        String text;

        @Setup(Level.Trial)
        public void build() {
            text = String.join(" ", Corpus.sentences(BASE_SENTENCES * scale));
        }
    }

    /** One sentence naming a bloc {@code mentions} times. */
    @State(Scope.Benchmark)
    public static class RepeatedName {
        /** How often the sentence names NATO. */
        @Param({"10", "100", "1000"})
        public int mentions;

        String text;

        @Setup(Level.Trial)
        public void build() {
            List<String> sentences = Corpus.sentences(mentions);
            StringBuilder b = new StringBuilder("Officials said that");
            for (String s : sentences) {
                String[] words = s.replaceAll("[^\\p{L}\\p{N} ]", " ").trim().split("\\s+");
                b.append(" NATO");
                for (int w = 0; w < Math.min(5, words.length); w++) {
                    b.append(' ').append(words[w].toLowerCase(Locale.ROOT));
                }
            }
            text = b.append(" and nothing else.").toString();
            if (Bench.analyzerSentences(text) != 1) {
                throw new IllegalStateException("the repeated-name text must be one sentence");
            }
        }
    }

    @Benchmark
    public DocumentResult document(Analyzer a, Document d) {
        return a.analyzer.analyze(d.text);
    }

    @Benchmark
    public DocumentResult repeatedName(Analyzer a, RepeatedName r) {
        return a.analyzer.analyze(r.text);
    }

    /**
     * Prints the README's linearity table from a JMH results file: per benchmark and size, the
     * time per call and its ratio to the smallest size, beside the size ratio.
     *
     * <pre>java -cp target/benchmarks.jar io.github.stance4j.bench.LinearityBenchmark linearity.json</pre>
     */
    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args.length > 0 ? args[0] : "linearity.json").toFile());
        Map<String, List<JsonNode>> byMethod = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            byMethod.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(r);
        }
        System.out.println("| input | size | ms per call | size ratio | time ratio |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<String, List<JsonNode>> e : byMethod.entrySet()) {
            List<JsonNode> rows = new ArrayList<>(e.getValue());
            rows.sort((x, y) -> Integer.compare(size(x), size(y)));
            double base = rows.get(0).get("primaryMetric").get("score").asDouble();
            int baseSize = size(rows.get(0));
            for (JsonNode r : rows) {
                JsonNode m = r.get("primaryMetric");
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f ± %.1f | %.0f | %.2f |%n", e.getKey(), size(r), m.get("score").asDouble(),
                        m.get("scoreError").asDouble(), (double) size(r) / baseSize, m.get("score").asDouble() / base);
            }
        }
    }

    private static int size(JsonNode result) {
        JsonNode p = result.get("params");
        return p.has("scale") ? p.get("scale").asInt() : p.get("mentions").asInt();
    }
}
