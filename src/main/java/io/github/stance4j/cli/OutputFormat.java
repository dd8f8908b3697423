package io.github.stance4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.stance4j.result.Sentiment;
import io.github.stance4j.result.Stance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.text.WordUtils;

/**
 * How results are written. Each format is streamed: a header, then batches of records, then a
 * footer, so output grows as documents are scored and can be appended to after a resume.
 * <ul>
 *   <li>{@code json}: an array of records (one object alone when the input is one document);</li>
 *   <li>{@code jsonl}: one record per line;</li>
 *   <li>{@code rows}: flat JSONL, one row per (document, sentence, target) with the {@link #COLUMNS};</li>
 *   <li>{@code csv}: the same rows as CSV with a header, for spreadsheets;</li>
 *   <li>{@code table}: aligned text for people.</li>
 * </ul>
 */
enum OutputFormat {
    JSON, JSONL, ROWS, CSV, TABLE;

    /**
     * The columns of {@code rows} and {@code csv}. A sentence without targets gives one row with
     * empty target columns; a document without sentences, or one that could not be scored, gives
     * one row with its id (and its error).
     */
    static final List<String> COLUMNS = columns();

    private static final ObjectWriter PRETTY = ScoreCommand.JSON.writerWithDefaultPrettyPrinter();
    private static final CSVFormat CSV_OUT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("id", "sentence", "sentence_start", "sentence_end", "sentence_text", "sentiment"));
        for (Sentiment s : Sentiment.values()) {
            c.add("sentiment_" + s.name().toLowerCase(Locale.ROOT));
        }
        c.addAll(List.of("target", "mention", "mention_start", "mention_end", "implicit", "stance"));
        for (Stance s : Stance.values()) {
            c.add("stance_" + s.name().toLowerCase(Locale.ROOT));
        }
        c.add("error");
        return List.copyOf(c);
    }

    /** The format a user named, or a CliException listing the choices. */
    static OutputFormat parse(String name) {
        for (OutputFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                return f;
            }
        }
        throw new CliException("--format must be json, jsonl, csv, rows or table, not '" + name + "'", 2);
    }

    /** What comes before the first record; {@code single}: the input is one document. */
    String header(boolean single) {
        return switch (this) {
            case JSON -> single ? "" : "[";
            case CSV -> csvLine(COLUMNS);
            default -> "";
        };
    }

    /** What comes after the last record. */
    String footer(boolean any, boolean single) {
        return this == JSON && !single ? (any ? "\n]\n" : "]\n") : "";
    }

    /** A batch of records; {@code first}: the batch starts the output. */
    String render(List<ObjectNode> records, boolean first, boolean single) {
        StringBuilder sb = new StringBuilder();
        for (ObjectNode r : records) {
            switch (this) {
                case JSON -> {
                    sb.append(single ? "" : first ? "\n" : ",\n").append(write(PRETTY, r)).append(single ? "\n" : "");
                    first = false;
                }
                case JSONL -> sb.append(write(ScoreCommand.JSON.writer(), r)).append('\n');
                case ROWS -> rows(r).forEach(row -> sb.append(write(ScoreCommand.JSON.writer(), row)).append('\n'));
                case CSV -> rows(r).forEach(row -> sb.append(csvLine(COLUMNS.stream().map(row::get).map(OutputFormat::cell).toList())));
                case TABLE -> sb.append(table(r));
            }
        }
        return sb.toString();
    }

    /** The flat rows of one record, each with all {@link #COLUMNS}. */
    static List<ObjectNode> rows(JsonNode record) {
        List<ObjectNode> out = new ArrayList<>();
        JsonNode sentences = record.path("sentences");
        if (sentences.isEmpty()) {
            out.add(row(record, null, null));
        }
        for (JsonNode s : sentences) {
            if (s.get("targets").isEmpty()) {
                out.add(row(record, s, null));
            }
            for (JsonNode t : s.get("targets")) {
                out.add(row(record, s, t));
            }
        }
        return out;
    }

    private static ObjectNode row(JsonNode record, JsonNode s, JsonNode t) {
        ObjectNode r = ScoreCommand.JSON.createObjectNode();
        r.set("id", record.get("id"));
        r.set("sentence", s == null ? null : s.get("index"));
        r.set("sentence_start", s == null ? null : s.get("start"));
        r.set("sentence_end", s == null ? null : s.get("end"));
        r.set("sentence_text", s == null ? null : s.get("text"));
        r.set("sentiment", s == null ? null : s.get("sentiment").get("label"));
        for (Sentiment l : Sentiment.values()) {
            r.set("sentiment_" + l.name().toLowerCase(Locale.ROOT), s == null ? null : s.get("sentiment").get("scores").get(l.name()));
        }
        r.set("target", t == null ? null : t.get("target"));
        r.set("mention", t == null ? null : t.get("mention"));
        r.set("mention_start", t == null ? null : t.get("start"));
        r.set("mention_end", t == null ? null : t.get("end"));
        r.set("implicit", t == null ? null : t.get("implicit"));
        r.set("stance", t == null ? null : t.get("stance").get("label"));
        for (Stance l : Stance.values()) {
            r.set("stance_" + l.name().toLowerCase(Locale.ROOT), t == null ? null : t.get("stance").get("scores").get(l.name()));
        }
        r.set("error", record.get("error"));
        return r; // set(name, null) stores a JSON null, so every row has every column
    }

    private static String cell(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String csvLine(List<String> values) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSV_OUT)) {
            p.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    private static String write(ObjectWriter w, JsonNode n) {
        try {
            return w.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e); // a tree of plain values always serializes
        }
    }

    /** A record as aligned text: sentences with their sentiment and targets, then the per-bloc summary. */
    static String table(JsonNode record) {
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
}
