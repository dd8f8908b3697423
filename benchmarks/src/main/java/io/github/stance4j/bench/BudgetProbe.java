package io.github.stance4j.bench;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.TimeBudgetExceededException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How far past its time budget a document runs (issue 10): times each record of the hostile corpus
 * alone through {@code analyze(text, budget)}, with the three records {@code HostileCorpusTest}
 * builds at test time (a 5 MB line without punctuation, 100,000 different tiny sentences, a 100 KB
 * sentence naming NATO 20,000 times), and prints a markdown table of wall time and wall time ÷
 * budget per record, then the worst ratio. Then what the 5 MB line and the 100,000 sentences each
 * cost a {@code score} batch of eight records, against the same batch without them. Not JMH: one
 * timed call per record is the measurement. Records the JSONL reader refuses (not JSON, no text)
 * never reach {@code analyze} and are left out.
 *
 * <p>Self-contained, so it also runs as a single source file against the command-line jar, without
 * installing the library (from the project folder, after {@code mvn -q package -DskipTests}):
 * {@code java -cp target/stance4j-cli.jar benchmarks/src/main/java/io/github/stance4j/bench/BudgetProbe.java 1}.
 * Arguments: the budget in seconds (default 1) and the corpus file (default
 * {@code src/test/resources/hostile/hostile.jsonl}).
 */
public final class BudgetProbe {
    private BudgetProbe() {}

    private record Record(String id, String text) {}

    /** Prints the tables. */
    public static void main(String[] args) throws IOException {
        Duration budget = Duration.ofNanos(new BigDecimal(args.length > 0 ? args[0] : "1").movePointRight(9).longValueExact());
        Path file = Path.of(args.length > 1 ? args[1] : "src/test/resources/hostile/hostile.jsonl");
        List<Record> records = read(file);
        records.addAll(large());
        try (StanceAnalyzer analyzer = StanceAnalyzer.builder().maxDocumentChars(6_000_000).build()) {
            for (int i = 0; i < 3; i++) {
                analyzer.analyze("Lavrov warned that NATO's expansion threatens Asia. ASEAN leaders welcomed the talks.", budget); // warm-up
            }
            System.out.printf(Locale.ROOT, "budget %s s, %s, %d cores%n%n", args.length > 0 ? args[0] : "1",
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.println("| record | chars | outcome | wall ms | wall ÷ budget |");
            System.out.println("|---|---:|---|---:|---:|");
            double worst = 0;
            String worstId = "";
            for (Record r : records) {
                String outcome;
                long t0 = System.nanoTime();
                try {
                    outcome = analyzer.analyze(r.text(), budget).sentences().size() + " sentences";
                } catch (TimeBudgetExceededException e) {
                    outcome = "out of time";
                }
                long nanos = System.nanoTime() - t0;
                double ratio = (double) nanos / budget.toNanos();
                if (ratio > worst) {
                    worst = ratio;
                    worstId = r.id();
                }
                System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.0f | %.2f |%n", r.id(), r.text().length(), outcome, nanos / 1e6, ratio);
            }
            System.out.printf(Locale.ROOT, "%nworst: %.2f x the budget (%s)%n", worst, worstId);
        } catch (io.github.stance4j.ModelLoadException e) {
            throw new IllegalStateException(e);
        }
        scoreBatches(args.length > 0 ? args[0] : "1", records);
    }

    /**
     * What one slow record costs a {@code score} batch: the time of {@code score --batch 8} over
     * seven ordinary records, and over the same seven plus the slow one (each run once to warm up,
     * then timed; both include loading the model), and the difference as a multiple of the budget.
     */
    private static void scoreBatches(String budget, List<Record> records) throws IOException {
        List<Record> ordinary = records.stream().filter(r -> r.text().length() < 200 && !r.text().isBlank()).limit(7).toList();
        System.out.printf(Locale.ROOT, "%n| score --batch 8 --time-budget %s | seven short records, s | the seven and this one, s | difference ÷ budget |%n",
                budget);
        System.out.println("|---|---:|---:|---:|");
        for (Record slow : records.subList(records.size() - 3, records.size() - 1)) {
            List<Record> with = new ArrayList<>(ordinary);
            with.add(slow);
            double without = score(ordinary, budget);
            double withSlow = score(with, budget);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", slow.id(), without, withSlow,
                    (withSlow - without) / Double.parseDouble(budget));
        }
    }

    /** Seconds of an in-process {@code score} run over {@code records}, after one untimed run. */
    private static double score(List<Record> records, String budget) throws IOException {
        Path dir = Files.createTempDirectory("budget-probe");
        Path in = dir.resolve("in.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (Record r : records) { // non-ASCII escaped: a lone surrogate as a JSON escape, as in the corpus file
            lines.add(json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(
                    json.createObjectNode().put("id", r.id()).put("text", r.text())));
        }
        Files.write(in, lines);
        String[] args = {"score", in.toString(), "-o", dir.resolve("out.jsonl").toString(), "--time-budget", budget, "--batch", "8",
            "--max-chars", "6000000", "--quiet"};
        long nanos = 0;
        for (int run = 0; run < 2; run++) {
            Files.deleteIfExists(dir.resolve("out.jsonl"));
            Files.deleteIfExists(dir.resolve("out.jsonl.checkpoint"));
            long t0 = System.nanoTime();
            io.github.stance4j.cli.Main.run(args);
            nanos = System.nanoTime() - t0;
        }
        return nanos / 1e9;
    }

    /** The records of the corpus file that are UTF-8 JSON objects with a string text. */
    private static List<Record> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Record> out = new ArrayList<>();
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            JsonNode n;
            try {
                n = json.readTree(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line.getBytes(StandardCharsets.ISO_8859_1))).toString());
            } catch (IOException e) {
                continue; // not UTF-8 or not JSON
            }
            if (n != null && n.isObject() && n.path("text").isTextual()) {
                out.add(new Record(n.path("id").isTextual() ? n.get("id").asText() : "line-" + (i + 1), n.get("text").asText()));
            }
        }
        return out;
    }

    /** The records {@code HostileCorpus.large()} builds, with the same text. */
    private static List<Record> large() {
        List<Record> out = new ArrayList<>();
        out.add(new Record("five-mb-line", words(5 * 1024 * 1024, 2)));
        StringBuilder tiny = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            tiny.append("Vote ").append(i).append(". ");
        }
        out.add(new Record("100000-tiny-sentences", tiny.toString()));
        out.add(new Record("nato-20000-times", "NATO ".repeat(20_000) + "met."));
        return out;
    }

    private static String words(int chars, long seed) {
        List<String> vocabulary = List.of("leaders", "met", "again", "and", "talked", "about", "trade", "the", "summit", "of", "security",
                "ministers", "said", "that", "talks", "would", "go", "on", "in", "spring", "with", "allies", "new", "plans", "for", "defence");
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < chars) {
            sb.append(sb.length() == 0 ? "" : " ").append(vocabulary.get(r.nextInt(vocabulary.size())));
        }
        return sb.substring(0, chars).strip();
    }
}
