package io.github.stance4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.result.BlocSummary;
import io.github.stance4j.result.DocumentResult;
import io.github.stance4j.result.Prediction;
import io.github.stance4j.result.SentenceResult;
import io.github.stance4j.result.TargetMention;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.text.WordUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code score}: scores a text file, a folder of .txt files, a JSONL file of {"id","text"}, or stdin. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score documents: a .txt file, a folder of .txt files, a .jsonl file of {\"id\",\"text\"} lines, or - for stdin.")
final class ScoreCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 64;

    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE|DIR|-", description = "Input (default: stdin).")
    String input;

    @Option(names = "--format", defaultValue = "json", description = "json, jsonl or table (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory instead of the embedded model.")
    Path model;

    /** A document to score, or the reason it cannot be. */
    record Doc(String id, String text, String error) {}

    @Override
    public Integer call() throws IOException {
        if (!List.of("json", "jsonl", "table").contains(format)) {
            throw new CliException("--format must be json, jsonl or table, not '" + format + "'", 2);
        }
        List<Doc> docs = read(input);
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        int failed = 0;
        List<JsonNode> records = new ArrayList<>();
        try (StanceAnalyzer analyzer = Analyzers.open(model)) {
            for (int from = 0; from < docs.size(); from += CHUNK) {
                List<Doc> chunk = docs.subList(from, Math.min(docs.size(), from + CHUNK));
                for (JsonNode record : score(analyzer, chunk)) {
                    failed += record.has("error") ? 1 : 0;
                    if (format.equals("jsonl")) {
                        out.println(JSON.writeValueAsString(record));
                    } else if (format.equals("table")) {
                        out.print(table(record));
                    } else {
                        records.add(record);
                    }
                }
                out.flush();
            }
        }
        if (format.equals("json")) {
            ObjectMapper pretty = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(pretty.writeValueAsString(records.size() == 1 ? records.get(0) : JSON.valueToTree(records)));
        }
        out.flush();
        if (failed > 0) {
            System.err.println("stance4j score: " + failed + " of " + docs.size() + " documents could not be scored (see their error records)");
        }
        return failed == 0 ? 0 : 4;
    }

    private static List<JsonNode> score(StanceAnalyzer analyzer, List<Doc> docs) {
        List<JsonNode> out = new ArrayList<>();
        List<Doc> ok = docs.stream().filter(d -> d.error() == null).toList();
        List<DocumentResult> results;
        try {
            results = analyzer.analyzeAll(ok.stream().map(Doc::text).toList());
        } catch (RuntimeException e) {
            results = null; // score one by one so a single bad document costs only its own record
        }
        int k = 0;
        for (Doc d : docs) {
            if (d.error() != null) {
                out.add(error(d.id(), d.error()));
                continue;
            }
            try {
                DocumentResult r = results != null ? results.get(k) : analyzer.analyze(d.text());
                out.add(record(d.id(), r));
            } catch (RuntimeException e) {
                out.add(error(d.id(), "cannot score: " + e.getMessage()));
            }
            k++;
        }
        return out;
    }

    static ObjectNode error(String id, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("error", message);
        return n;
    }

    /** The output record of one document. */
    static ObjectNode record(String id, DocumentResult r) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", id);
        ArrayNode sentences = doc.putArray("sentences");
        for (SentenceResult s : r.sentences()) {
            ObjectNode sn = sentences.addObject();
            sn.put("index", s.index());
            sn.put("start", s.start());
            sn.put("end", s.end());
            sn.put("text", s.text());
            sn.set("sentiment", prediction(s.sentiment()));
            ArrayNode targets = sn.putArray("targets");
            for (TargetMention t : s.targets()) {
                ObjectNode tn = targets.addObject();
                tn.put("target", t.target());
                tn.put("mention", t.mention());
                tn.put("start", t.start());
                tn.put("end", t.end());
                tn.put("implicit", t.implicit());
                tn.set("stance", prediction(t.stance()));
            }
        }
        ObjectNode blocs = doc.putObject("blocs");
        for (Map.Entry<String, BlocSummary> e : r.blocs().entrySet()) {
            ObjectNode b = prediction(e.getValue().stance());
            b.put("mentions", e.getValue().mentions());
            b.put("explicit_mentions", e.getValue().explicitMentions());
            blocs.set(e.getKey(), b);
        }
        return doc;
    }

    private static ObjectNode prediction(Prediction<?> p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("label", p.label().name());
        ObjectNode scores = n.putObject("scores");
        for (Map.Entry<?, Double> e : p.scores().entrySet()) {
            scores.put(((Enum<?>) e.getKey()).name(), Math.round(e.getValue() * 10000) / 10000.0);
        }
        return n;
    }

    private static String table(JsonNode record) {
        StringBuilder sb = new StringBuilder();
        sb.append("== ").append(record.path("id").asText()).append('\n');
        if (record.has("error")) {
            return sb.append("   error: ").append(record.get("error").asText()).append("\n\n").toString();
        }
        for (JsonNode s : record.get("sentences")) {
            JsonNode sent = s.get("sentiment");
            sb.append(String.format("%-5s %-8s %.2f  ", "[" + s.get("index").asInt() + "]", sent.get("label").asText(),
                    sent.get("scores").get(sent.get("label").asText()).asDouble()));
            String wrapped = WordUtils.wrap(s.get("text").asText(), 90, "\n" + " ".repeat(21), true);
            sb.append(wrapped).append('\n');
            for (JsonNode t : s.get("targets")) {
                JsonNode st = t.get("stance");
                sb.append(String.format("%21s-> %-10s %-22s %.2f  \"%s\"%s%n", "", st.get("label").asText(), t.get("target").asText(),
                        st.get("scores").get(st.get("label").asText()).asDouble(), t.get("mention").asText(),
                        t.get("implicit").asBoolean() ? " (implicit)" : ""));
            }
        }
        sb.append("-- per bloc:\n");
        record.get("blocs").fields().forEachRemaining(e -> sb.append(String.format("   %-22s %-10s %.2f  (%d mentions, %d explicit)%n",
                e.getKey(), e.getValue().get("label").asText(), e.getValue().get("scores").get(e.getValue().get("label").asText()).asDouble(),
                e.getValue().get("mentions").asInt(), e.getValue().get("explicit_mentions").asInt())));
        return sb.append('\n').toString();
    }

    /** The documents an input names; unreadable ones carry an error instead of text. */
    static List<Doc> read(String input) throws IOException {
        if (input.equals("-")) {
            return List.of(decode("stdin", System.in.readAllBytes()));
        }
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            throw new CliException("no such file or folder: " + input, 2);
        }
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new CliException("folder " + input + " holds no .txt files", 2);
            }
            List<Doc> out = new ArrayList<>();
            for (Path f : files) {
                out.add(readFile(f));
            }
            return out;
        }
        if (path.getFileName().toString().endsWith(".jsonl")) {
            return readJsonl(path);
        }
        Doc d = readFile(path);
        if (d.error() != null) {
            throw new CliException(d.error(), 2);
        }
        return List.of(d);
    }

    private static Doc readFile(Path f) {
        String id = f.getFileName().toString();
        try (InputStream in = Files.newInputStream(f)) {
            return decode(id, in.readAllBytes());
        } catch (IOException e) {
            return new Doc(id, null, "cannot read " + f + ": " + e.getMessage());
        }
    }

    private static Doc decode(String id, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Doc(id, text.startsWith("\uFEFF") ? text.substring(1) : text, null);
        } catch (CharacterCodingException e) {
            return new Doc(id, null, id + " is not UTF-8 text");
        }
    }

    private static List<Doc> readJsonl(Path path) throws IOException {
        List<Doc> out = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(path);
        int n = 0;
        for (int start = 0; start < bytes.length; ) { // line by line, so one line that is not UTF-8 loses only itself
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            n++;
            String fallbackId = "line-" + n;
            Doc raw = decode(fallbackId, java.util.Arrays.copyOfRange(bytes, start, end));
            start = end + 1;
            if (raw.error() != null) {
                out.add(new Doc(fallbackId, null, "line " + n + ": not UTF-8 text"));
                continue;
            }
            String line = raw.text();
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                String id = node.hasNonNull("id") ? node.get("id").asText() : fallbackId;
                if (!node.hasNonNull("text") || !node.get("text").isTextual()) {
                    out.add(new Doc(id, null, "line " + n + ": no \"text\" string"));
                } else {
                    out.add(new Doc(id, node.get("text").asText(), null));
                }
            } catch (IOException e) {
                out.add(new Doc(fallbackId, null, "line " + n + ": not a JSON object"));
            }
        }
        return out;
    }
}
