package io.github.stance4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV with a header row (RFC 4180: quoted fields may hold commas, quotes and newlines) one
 * record at a time. A row without a text value, or with a text over the size limit, yields an
 * error record; a header without the text column, or CSV that cannot be parsed, stops the run.
 * Not thread-safe.
 */
final class CsvReader implements DocumentReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true).build();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String name;
    private final Inputs.Options options;
    private final boolean hasId;
    private long row;

    private CsvReader(CSVParser parser, String name, Inputs.Options options) {
        this.parser = parser;
        this.records = parser.iterator();
        this.name = name;
        this.options = options;
        List<String> header = parser.getHeaderNames();
        if (!header.contains(options.textField())) {
            throw new CliException(name + ": the CSV header has no column \"" + options.textField() + "\" (it has " + header
                    + "); name the text column with --text-field", 2);
        }
        if (options.idField() != null && !header.contains(options.idField())) {
            throw new CliException(name + ": the CSV header has no column \"" + options.idField() + "\" (it has " + header + ")", 2);
        }
        this.hasId = header.contains(options.idOrDefault());
    }

    /** A reader of the CSV in {@code in}, which must be UTF-8; {@code name} names it in messages. */
    static CsvReader open(InputStream in, String name, Inputs.Options options) throws IOException {
        Reader reader = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1);
        try {
            skipByteOrderMark((PushbackReader) reader);
            return new CsvReader(CSVParser.parse(reader, FORMAT), name, options);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            reader.close();
            throw new CliException(name + ": cannot read the CSV header: " + e.getMessage(), 2);
        } catch (CliException e) {
            reader.close();
            throw e;
        }
    }

    private static void skipByteOrderMark(PushbackReader r) throws IOException {
        int c = r.read();
        if (c >= 0 && c != '\uFEFF') {
            r.unread(c);
        }
    }

    @Override
    public Doc next() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CliException(name + ": not valid CSV after row " + row + ": " + e.getMessage(), 2);
        }
        row++;
        String id = hasId && record.isSet(options.idOrDefault()) && !record.get(options.idOrDefault()).isEmpty()
                ? record.get(options.idOrDefault()) : "row-" + row;
        String where = "row " + row + ": ";
        if (!record.isSet(options.textField())) {
            return Doc.failed(id, where + "no value in column \"" + options.textField() + "\" (the row has " + record.size() + " of "
                    + parser.getHeaderNames().size() + " columns)");
        }
        String text = record.get(options.textField());
        if (text.length() > options.maxChars()) {
            return Doc.failed(id, where + "\"" + options.textField() + "\" has " + text.length() + " characters, over the limit of "
                    + options.maxChars() + " (--max-chars)");
        }
        return Doc.of(id, text);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
