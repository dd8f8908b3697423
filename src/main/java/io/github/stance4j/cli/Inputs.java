package io.github.stance4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens the {@link DocumentReader} for an input: a JSONL file (also .gz), a CSV file with a
 * header, a folder of .txt files, a text file, or stdin ("-"), where JSONL is detected.
 */
final class Inputs {
    /**
     * How to read records.
     *
     * @param textField the JSONL field or CSV column holding the text
     * @param idField the field or column holding the id; null for "id" if there is one
     * @param maxChars texts longer than this are not scored (their record gets an error)
     */
    record Options(String textField, String idField, int maxChars) {
        String idOrDefault() {
            return idField != null ? idField : "id";
        }
    }

    static final List<String> FORMATS = List.of("jsonl", "text", "csv");
    private static final int PEEK = 1 << 20;

    private Inputs() {}

    /**
     * The reader for {@code input}: read as {@code format} (jsonl, text or csv), or, if that is
     * null, as its name says (.jsonl, .ndjson, .csv, each maybe .gz; anything else is one text
     * document), and stdin as JSONL if its first line is a JSON object. {@code note} hears how
     * stdin was read.
     */
    static DocumentReader open(String input, String format, Options options, Consumer<String> note) throws IOException {
        if (format != null && !FORMATS.contains(format)) {
            throw new CliException("--input-format must be jsonl, text or csv, not '" + format + "'", 2);
        }
        if (input.equals("-")) {
            return stdin(format, options, note);
        }
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            throw new CliException("no such file or folder: " + input, 2);
        }
        if (Files.isDirectory(path)) {
            if (format != null && !format.equals("text")) {
                throw new CliException("a folder is read as its .txt files; --input-format " + format + " does not apply to " + input, 2);
            }
            return FolderReader.open(path, options);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gz = name.endsWith(".gz");
        String base = gz ? name.substring(0, name.length() - 3) : name;
        String f = format != null ? format
                : base.endsWith(".jsonl") || base.endsWith(".ndjson") ? "jsonl" : base.endsWith(".csv") ? "csv" : "text";
        InputStream in = Files.newInputStream(path);
        if (gz) {
            try {
                in = new GZIPInputStream(in, 1 << 16);
            } catch (ZipException e) {
                in.close();
                throw new CliException(input + " is not gzip data: " + e.getMessage(), 2);
            }
        }
        return switch (f) {
            case "jsonl" -> new JsonlReader(in, options, gz ? null : path);
            case "csv" -> CsvReader.open(in, input, options);
            default -> DocumentReader.single(oneText(path.getFileName().toString(), in, options));
        };
    }

    private static DocumentReader stdin(String format, Options options, Consumer<String> note) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new FilterInputStream(System.in) {
            @Override
            public void close() {
                // stdin stays open for whoever else reads it
            }
        }, 1 << 16);
        String f = format;
        if (f == null) {
            f = firstLineIsJsonObject(in) ? "jsonl" : "text";
            if (f.equals("jsonl")) {
                note.accept("reading stdin as JSONL, one JSON object per line (--input-format text reads it as one document)");
            }
        }
        return switch (f) {
            case "jsonl" -> new JsonlReader(in, options, null);
            case "csv" -> CsvReader.open(in, "stdin", options);
            default -> DocumentReader.single(oneText("stdin", in, options));
        };
    }

    /** Whether the first non-blank line (within the first MB) parses as a JSON object; the stream is left as it was. */
    static boolean firstLineIsJsonObject(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int n = 0, b; n < PEEK && (b = in.read()) >= 0; n++) {
            if (b == '\n') {
                if (line.toString(StandardCharsets.UTF_8).isBlank()) {
                    line.reset();
                    continue;
                }
                break;
            }
            line.write(b);
        }
        in.reset();
        String text = utf8(line.toByteArray(), line.size());
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            return ScoreCommand.JSON.readTree(text).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** A whole input read as one text document; a user who named one document hears at once if it cannot be read. */
    private static Doc oneText(String id, InputStream in, Options options) throws IOException {
        Doc d;
        try (in) {
            d = text(id, in, options);
        }
        if (d.error() != null) {
            throw new CliException(d.error(), 2);
        }
        return d;
    }

    /** A text document from a stream, or an error if it is not UTF-8 or is longer than the limit. */
    static Doc text(String id, InputStream in, Options options) throws IOException {
        long cap = 3L * options.maxChars() + 3; // UTF-8 takes at most 3 bytes per UTF-16 char, plus a BOM
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        if (bytes.length > cap) {
            return Doc.failed(id, id + " is longer than " + options.maxChars() + " characters (--max-chars)");
        }
        String text = utf8(bytes, bytes.length);
        if (text == null) {
            return Doc.failed(id, id + " is not UTF-8 text");
        }
        if (text.length() > options.maxChars()) {
            return Doc.failed(id, id + " has " + text.length() + " characters, over the limit of " + options.maxChars() + " (--max-chars)");
        }
        return Doc.of(id, text);
    }

    /** The UTF-8 text of {@code bytes[0, length)} without a leading byte-order mark, or null if it is not UTF-8. */
    static String utf8(byte[] bytes, int length) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
