package io.github.stance4j.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads JSONL line by line, keeping at most one line in memory. Blank lines are skipped; every
 * other line is one record, and a line that is not UTF-8, not a JSON object (or nested deeper, or
 * with a longer number or string, than Jackson's {@link StreamReadConstraints} allow), lacks a
 * string text field, or is over the size limit yields an error record that says so. Its id is the
 * line's id as far as it can be read, else "line-N". Not thread-safe.
 */
final class JsonlReader implements DocumentReader {
    private static final ObjectReader STRICT = ScoreCommand.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final InputStream in;
    private final Inputs.Options options;
    private final Path file;
    private final long maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[1 << 12];
    private int stored;
    private long lineBytes;
    private long lineNo;
    private long total = -2;

    /** Reads {@code in}; {@code file}, if not null, is the same data as a plain file, so the records can be counted. */
    JsonlReader(InputStream in, Inputs.Options options, Path file) {
        this.in = in;
        this.options = options;
        this.file = file;
        // a text of maxChars characters escaped as \\uXXXX takes 6 bytes each; leave room for other fields
        this.maxLineBytes = 6L * options.maxChars() + (16 << 20);
    }

    @Override
    public Doc next() throws IOException {
        while (readLine()) {
            lineNo++;
            String fallbackId = "line-" + lineNo;
            if (lineBytes > maxLineBytes) {
                return Doc.failed(lenientId(fallbackId), "line " + lineNo + ": longer than " + maxLineBytes
                        + " bytes, so its text is over the limit of " + options.maxChars() + " characters (--max-chars)");
            }
            String text = Inputs.utf8(line, stored);
            if (text == null) {
                return Doc.failed(lenientId(fallbackId), "line " + lineNo + ": not UTF-8 text");
            }
            if (!text.isBlank()) {
                return parse(text, fallbackId);
            }
        }
        return null;
    }

    private Doc parse(String text, String fallbackId) {
        String where = "line " + lineNo + ": ";
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (StreamConstraintsException e) {
            return Doc.failed(idOr(text, fallbackId), where + overLimit(e));
        } catch (JsonProcessingException e) {
            String why = String.valueOf(e.getOriginalMessage()).startsWith("Trailing token") ? "more after the object's end: one object per line"
                    : e.getOriginalMessage();
            return Doc.failed(idOr(text, fallbackId), where + "not valid JSON (" + why + ")");
        } catch (RuntimeException e) { // not expected from Jackson, but one line must not end the run
            return Doc.failed(idOr(text, fallbackId), where + "cannot be read as JSON (" + e + ")");
        }
        if (!node.isObject()) {
            return Doc.failed(fallbackId, where + "must be a JSON object, not " + kind(node));
        }
        JsonNode idNode = node.get(options.idOrDefault());
        String id = idNode == null || idNode.isNull() ? fallbackId
                : idNode.isFloatingPointNumber() ? idOr(text, idNode.asText()) // 1e400 as written, not "Infinity"
                : idNode.isValueNode() ? idNode.asText() : idNode.toString();
        JsonNode t = node.get(options.textField());
        String field = "\"" + options.textField() + "\"";
        if (t == null) {
            return Doc.failed(id, where + "no " + field + " field");
        }
        if (t.isNull()) {
            return Doc.failed(id, where + field + " is null");
        }
        if (!t.isTextual()) {
            return Doc.failed(id, where + field + " must be a string, not " + kind(t));
        }
        String s = t.textValue();
        if (s.length() > options.maxChars()) {
            return Doc.failed(id, where + field + " has " + s.length() + " characters, over the limit of " + options.maxChars() + " (--max-chars)");
        }
        return Doc.of(id, s);
    }

    /** What a Jackson limit refused, in the user's words. */
    private static String overLimit(StreamConstraintsException e) {
        StreamReadConstraints limits = STRICT.getFactory().streamReadConstraints();
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Document nesting depth")) {
            return String.format(Locale.ROOT, "nesting deeper than %,d levels", limits.getMaxNestingDepth());
        }
        if (m.startsWith("Number value length")) {
            return String.format(Locale.ROOT, "number too long (over %,d digits)", limits.getMaxNumberLength());
        }
        if (m.startsWith("String value length")) {
            return String.format(Locale.ROOT, "string too long (over %,d characters)", limits.getMaxStringLength());
        }
        return "over a limit of the JSON reader (" + m + ")";
    }

    /** The id of the current line read with bytes that are not UTF-8 replaced, unless the id holds one of them. */
    private String lenientId(String otherwise) {
        String id = idOr(new String(line, 0, stored, StandardCharsets.UTF_8), otherwise);
        return id.indexOf('\uFFFD') < 0 ? id : otherwise;
    }

    /**
     * The id of a line, read as far as the line can be read and as it is written there (a number
     * keeps its digits), or {@code otherwise} if the line breaks off before an id.
     */
    private String idOr(String text, String otherwise) {
        try (JsonParser p = STRICT.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return otherwise;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(options.idOrDefault()) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    return p.getText();
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // the line breaks off before its id
        }
        return otherwise;
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Reads the next line into {@code line[0, stored)} (at most maxLineBytes of it, no CR/LF); false at the end. */
    private boolean readLine() throws IOException {
        stored = 0;
        lineBytes = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                int n = in.read(buf, 0, buf.length);
                pos = 0;
                limit = Math.max(n, 0);
                if (n <= 0) {
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            keep(start, pos - start);
            if (pos < limit) {
                pos++; // the newline
                break;
            }
        }
        if (stored > 0 && line[stored - 1] == '\r' && lineBytes <= maxLineBytes) {
            stored--;
        }
        return any;
    }

    private void keep(int start, int length) {
        long room = maxLineBytes - lineBytes;
        lineBytes += length;
        int n = (int) Math.min(length, Math.max(room, 0));
        if (stored + n > line.length) {
            line = Arrays.copyOf(line, Math.max(stored + n, 2 * line.length));
        }
        System.arraycopy(buf, start, line, stored, n);
        stored += n;
    }

    /** The number of non-blank lines of the file, counted once; -1 for a stream. */
    @Override
    public long total() throws IOException {
        if (total == -2) {
            total = file == null ? -1 : countRecords(file);
        }
        return total;
    }

    private static long countRecords(Path file) throws IOException {
        long count = 0;
        boolean blank = true;
        byte[] b = new byte[1 << 16];
        try (InputStream s = Files.newInputStream(file)) {
            for (int n; (n = s.read(b)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (b[i] == '\n') {
                        count += blank ? 0 : 1;
                        blank = true;
                    } else if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                        blank = false;
                    }
                }
            }
        }
        return count + (blank ? 0 : 1);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
