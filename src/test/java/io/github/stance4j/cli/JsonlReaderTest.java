package io.github.stance4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSONL input: one record per non-blank line, and one test per way a line can be unusable. */
class JsonlReaderTest {
    private static final Inputs.Options OPTIONS = new Inputs.Options("text", null, 100);

    static List<Doc> read(byte[] bytes, Inputs.Options options) throws IOException {
        List<Doc> out = new ArrayList<>();
        try (JsonlReader r = new JsonlReader(new ByteArrayInputStream(bytes), options, null)) {
            for (Doc d; (d = r.next()) != null; ) {
                out.add(d);
            }
        }
        return out;
    }

    private static List<Doc> read(String jsonl) throws IOException {
        return read(jsonl.getBytes(StandardCharsets.UTF_8), OPTIONS);
    }

    private static Doc only(String line) throws IOException {
        List<Doc> docs = read(line + "\n");
        assertEquals(1, docs.size(), docs.toString());
        return docs.get(0);
    }

    @Test
    void records_inOrder_blankLinesSkipped_crlfAndBomTolerated() throws IOException {
        List<Doc> docs = read("\uFEFF{\"id\":\"a\",\"text\":\"One.\"}\r\n\n   \n{\"id\":\"b\",\"text\":\"Two.\"}");
        assertEquals(List.of(Doc.of("a", "One."), Doc.of("b", "Two.")), docs);
    }

    @Test
    void badJson() throws IOException {
        Doc d = only("{broken");
        assertEquals("line-1", d.id());
        assertEquals("line 1: not valid JSON (Unexpected character ('b' (code 98)): was expecting double-quote to start field name)", d.error());
    }

    @Test
    void trailingGarbage_keepsItsId() throws IOException {
        assertEquals("a", only("{\"id\":\"a\",\"text\":\"x\"} more").id());
        assertEquals("line 1: not valid JSON (Unrecognized token 'more': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))",
                only("{\"id\":\"a\",\"text\":\"x\"} more").error());
        assertEquals("line 1: not valid JSON (more after the object's end: one object per line)", only("{\"id\":\"a\",\"text\":\"x\"} {}").error());
    }

    @Test
    void badJsonAfterTheId_keepsItsId() throws IOException {
        Doc d = only("{\"id\":\"cut\",\"text\":\"NATO met.");
        assertEquals(Doc.failed("cut", "line 1: not valid JSON (Unexpected end-of-input: was expecting closing quote for a string value)"), d);
    }

    @Test
    void nestingDeeperThanTheLimit_saysSo() throws IOException {
        Doc d = only("{\"id\":\"deep\",\"text\":\"x\",\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertEquals(Doc.failed("deep", "line 1: nesting deeper than 1,000 levels"), d);
    }

    @Test
    void nestingDeeperThanTheLimit_inObjects() throws IOException {
        Doc d = only("{\"text\":\"x\",\"a\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}");
        assertEquals(Doc.failed("line-1", "line 1: nesting deeper than 1,000 levels"), d);
    }

    @Test
    void numberOf100000Digits_saysSo() throws IOException {
        Doc d = only("{\"id\":\"n\",\"text\":\"x\",\"n\":" + "7".repeat(100_000) + "}");
        assertEquals(Doc.failed("n", "line 1: number too long (over 1,000 digits)"), d);
    }

    @Test
    void idOf100000Digits_saysSo() throws IOException {
        assertEquals(Doc.failed("line-1", "line 1: number too long (over 1,000 digits)"), only("{\"id\":" + "7".repeat(100_000) + ",\"text\":\"x\"}"));
    }

    @Test
    void hugeNumbers_inIdsAsWritten_elsewhereIgnored() throws IOException {
        List<Doc> docs = read("{\"id\":123456789012345678901234567890,\"text\":\"a\"}\n{\"id\":1e400,\"text\":\"b\"}\n"
                + "{\"id\":-2.5E-400,\"text\":\"c\"}\n{\"id\":\"d\",\"text\":\"d\",\"n\":1e999999999999}\n");
        assertEquals(List.of(Doc.of("123456789012345678901234567890", "a"), Doc.of("1e400", "b"), Doc.of("-2.5E-400", "c"), Doc.of("d", "d")), docs);
    }

    @Test
    void notAnObject() throws IOException {
        assertEquals(Doc.failed("line-1", "line 1: must be a JSON object, not array"), only("[1, 2]"));
    }

    @Test
    void textMissing() throws IOException {
        assertEquals(Doc.failed("c", "line 1: no \"text\" field"), only("{\"id\":\"c\"}"));
    }

    @Test
    void textNull() throws IOException {
        assertEquals(Doc.failed("c", "line 1: \"text\" is null"), only("{\"id\":\"c\",\"text\":null}"));
    }

    @Test
    void textNotAString() throws IOException {
        assertEquals(Doc.failed("c", "line 1: \"text\" must be a string, not number"), only("{\"id\":\"c\",\"text\":42}"));
    }

    @Test
    void textOverTheLimit() throws IOException {
        Doc d = only("{\"id\":\"c\",\"text\":\"" + "x".repeat(101) + "\"}");
        assertEquals(Doc.failed("c", "line 1: \"text\" has 101 characters, over the limit of 100 (--max-chars)"), d);
    }

    @Test
    void lineOverTheByteLimit_losesOnlyItself() throws IOException {
        // the byte limit is 6 bytes per character plus 16 MB for other fields
        String huge = "{\"id\":\"big\",\"text\":\"" + "x".repeat((16 << 20) + 700) + "\"}";
        List<Doc> docs = read(huge + "\n{\"id\":\"b\",\"text\":\"Two.\"}\n");
        assertEquals(2, docs.size());
        assertEquals("big", docs.get(0).id());
        assertEquals(true, docs.get(0).error().startsWith("line 1: longer than 16777816 bytes"), docs.get(0).error());
        assertEquals(Doc.of("b", "Two."), docs.get(1));
    }

    @Test
    void lineNotUtf8_losesOnlyItself() throws IOException {
        byte[] bad = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, '"', '}', '\n'};
        byte[] good = "{\"id\":\"b\",\"text\":\"Two.\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, all, 0, bad.length);
        System.arraycopy(good, 0, all, bad.length, good.length);
        assertEquals(List.of(Doc.failed("line-1", "line 1: not UTF-8 text"), Doc.of("b", "Two.")), read(all, OPTIONS));
    }

    @Test
    void lineNotUtf8_inTheText_keepsItsId() throws IOException {
        byte[] bad = {'{', '"', 'i', 'd', '"', ':', '"', 'a', '"', ',', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'};
        assertEquals(List.of(Doc.failed("a", "line 1: not UTF-8 text")), read(bad, OPTIONS));
    }

    @Test
    void ids_numbersAsText_missingAsLineNumber() throws IOException {
        List<Doc> docs = read("{\"id\":7,\"text\":\"a\"}\n\n{\"id\":null,\"text\":\"b\"}\n{\"text\":\"c\"}\n");
        assertEquals(List.of("7", "line-3", "line-4"), docs.stream().map(Doc::id).toList());
    }

    @Test
    void otherFields() throws IOException {
        List<Doc> docs = read("{\"key\":\"k1\",\"body\":\"Hello.\",\"id\":\"ignored\"}\n".getBytes(StandardCharsets.UTF_8),
                new Inputs.Options("body", "key", 100));
        assertEquals(List.of(Doc.of("k1", "Hello.")), docs);
    }

    @Test
    void total_countsNonBlankLines_andSkipSkipsRecords(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"A\"}\n\n{broken\n{\"id\":\"c\",\"text\":\"C\"}");
        try (JsonlReader r = new JsonlReader(Files.newInputStream(f), OPTIONS, f)) {
            assertEquals(3, r.total());
            r.skip(2);
            assertEquals(Doc.of("c", "C"), r.next());
            assertNull(r.next());
        }
    }
}
