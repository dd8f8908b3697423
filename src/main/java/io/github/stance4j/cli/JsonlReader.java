package io.github.stance4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads JSONL line by line, keeping at most one line in memory. Blank lines are skipped; every
 * other line is one record, and a line that is not UTF-8, not a JSON object, lacks a string text
 * field, or is over the size limit yields an error record that says so (its id is "line-N" when
 * it has none). Not thread-safe.
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
                return Doc.failed(fallbackId, "line " + lineNo + ": longer than " + maxLineBytes + " bytes, so its text is over the limit of "
                        + options.maxChars() + " characters (--max-chars)");
            }
            String text = Inputs.utf8(line, stored);
            if (text == null) {
                return Doc.failed(fallbackId, "line " + lineNo + ": not UTF-8 text");
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
        } catch (JsonProcessingException e) {
            return Doc.failed(fallbackId, where + "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!node.isObject()) {
            return Doc.failed(fallbackId, where + "must be a JSON object, not " + kind(node));
        }
        JsonNode idNode = node.get(options.idOrDefault());
        String id = idNode == null || idNode.isNull() ? fallbackId : idNode.isValueNode() ? idNode.asText() : idNode.toString();
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
