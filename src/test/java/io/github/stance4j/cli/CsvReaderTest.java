package io.github.stance4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV input with a header: quoting, ids, and one test per unusable row or file. */
class CsvReaderTest {
    private static final Inputs.Options OPTIONS = new Inputs.Options("text", null, 100);

    private static List<Doc> read(String csv, Inputs.Options options) throws IOException {
        List<Doc> out = new ArrayList<>();
        try (CsvReader r = CsvReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "in.csv", options)) {
            for (Doc d; (d = r.next()) != null; ) {
                out.add(d);
            }
        }
        return out;
    }

    @Test
    void quotedFields_keepCommasQuotesAndNewlines() throws IOException {
        List<Doc> docs = read("\uFEFFid,text,source\r\na,\"NATO met, then \"\"talked\"\".\nMore.\",wire\nb,Plain.,x\n", OPTIONS);
        assertEquals(List.of(Doc.of("a", "NATO met, then \"talked\".\nMore."), Doc.of("b", "Plain.")), docs);
    }

    @Test
    void noIdColumn_rowNumbers() throws IOException {
        assertEquals(List.of("row-1", "row-2"), read("text\nA.\nB.\n", OPTIONS).stream().map(Doc::id).toList());
    }

    @Test
    void otherColumns() throws IOException {
        assertEquals(List.of(Doc.of("k", "Body.")), read("key,body\nk,Body.\n", new Inputs.Options("body", "key", 100)));
    }

    @Test
    void rowWithoutText() throws IOException {
        assertEquals(List.of(Doc.failed("a", "row 1: no value in column \"text\" (the row has 1 of 2 columns)"), Doc.of("b", "B.")),
                read("id,text\na\nb,B.\n", OPTIONS));
    }

    @Test
    void textOverTheLimit() throws IOException {
        assertEquals(Doc.failed("a", "row 1: \"text\" has 101 characters, over the limit of 100 (--max-chars)"),
                read("id,text\na," + "x".repeat(101) + "\n", OPTIONS).get(0));
    }

    @Test
    void headerWithoutTextColumn() {
        CliException e = assertThrows(CliException.class, () -> read("id,body\na,B.\n", OPTIONS));
        assertEquals(2, e.exitCode());
        assertEquals("in.csv: the CSV header has no column \"text\" (it has [id, body]); name the text column with --text-field", e.getMessage());
    }

    @Test
    void headerWithoutNamedIdColumn() {
        CliException e = assertThrows(CliException.class, () -> read("id,text\na,B.\n", new Inputs.Options("text", "key", 100)));
        assertEquals("in.csv: the CSV header has no column \"key\" (it has [id, text])", e.getMessage());
    }

    @Test
    void unclosedQuote() {
        CliException e = assertThrows(CliException.class, () -> read("id,text\na,A.\nb,\"never closed\n", OPTIONS));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("in.csv: not valid CSV after row 1: "), e.getMessage());
    }

    @Test
    void notUtf8() {
        byte[] bytes = {'t', 'e', 'x', 't', '\n', (byte) 0xff, '\n'};
        CliException e = assertThrows(CliException.class, () -> {
            try (CsvReader r = CsvReader.open(new ByteArrayInputStream(bytes), "in.csv", OPTIONS)) {
                r.next();
            }
        });
        assertEquals(2, e.exitCode());
    }
}
