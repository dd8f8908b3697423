package io.github.stance4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which reader an input gets, stdin detection, folders, and the inputs that are refused. */
class InputsTest {
    private static final Inputs.Options OPTIONS = new Inputs.Options("text", null, 100);

    private static List<Doc> readAll(String input, String format) throws IOException {
        List<Doc> out = new ArrayList<>();
        try (DocumentReader r = Inputs.open(input, format, OPTIONS, note -> {})) {
            for (Doc d; (d = r.next()) != null; ) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean detect(String stdin) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        boolean jsonl = Inputs.firstLineIsJsonObject(in);
        assertEquals(stdin, new String(in.readAllBytes(), StandardCharsets.UTF_8), "the stream is left as it was");
        return jsonl;
    }

    @Test
    void stdin_jsonlDetected() throws IOException {
        assertTrue(detect("\n{\"id\":\"a\",\"text\":\"NATO met.\"}\n{\"id\":\"b\",\"text\":\"x\"}\n"));
    }

    @Test
    void stdin_textIsNotJsonl() throws IOException {
        assertFalse(detect("NATO met in Brussels.\n{not json}\n"));
        assertFalse(detect("{ a text that starts with a brace\n"));
        assertFalse(detect(""));
    }

    @Test
    void gzippedJsonl(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("docs.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":\"b\",\"text\":\"B.\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(Doc.of("a", "A."), Doc.of("b", "B.")), readAll(f.toString(), null));
    }

    @Test
    void gzNotGzip(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("docs.jsonl.gz");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"A.\"}\n");
        assertEquals(2, assertThrows(CliException.class, () -> readAll(f.toString(), null)).exitCode());
    }

    @Test
    void inputFormatOverridesTheName(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("docs.txt");
        Files.writeString(f, "id,text\na,A.\n");
        assertEquals(List.of(Doc.of("a", "A.")), readAll(f.toString(), "csv"));
        assertEquals(List.of(Doc.of("docs.txt", "id,text\na,A.\n")), readAll(f.toString(), null));
    }

    @Test
    void textFile_overTheLimit() throws Exception {
        Path f = Files.createTempFile("long", ".txt");
        try {
            Files.writeString(f, "x".repeat(101));
            CliException e = assertThrows(CliException.class, () -> readAll(f.toString(), null));
            assertEquals(f.getFileName() + " has 101 characters, over the limit of 100 (--max-chars)", e.getMessage());
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void folder_txtFilesInNameOrder_skipAndTotal(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.txt"), "B.");
        Files.writeString(dir.resolve("a.txt"), "A.");
        Files.writeString(dir.resolve("c.md"), "not read");
        Files.write(dir.resolve("d.txt"), new byte[] {(byte) 0xff});
        assertEquals(List.of(Doc.of("a.txt", "A."), Doc.of("b.txt", "B."), Doc.failed("d.txt", "d.txt is not UTF-8 text")),
                readAll(dir.toString(), null));
        try (DocumentReader r = Inputs.open(dir.toString(), null, OPTIONS, note -> {})) {
            assertEquals(3, r.total());
            r.skip(2);
            assertEquals("d.txt", r.next().id());
            assertNull(r.next());
        }
    }

    @Test
    void folder_withCsvFormat(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "A.");
        assertEquals(2, assertThrows(CliException.class, () -> readAll(dir.toString(), "csv")).exitCode());
    }

    @Test
    void folder_empty(@TempDir Path dir) {
        CliException e = assertThrows(CliException.class, () -> readAll(dir.toString(), null));
        assertEquals("folder " + dir + " holds no .txt files", e.getMessage());
    }

    @Test
    void unknownInputFormat() {
        CliException e = assertThrows(CliException.class, () -> readAll("-", "xml"));
        assertEquals("--input-format must be jsonl, text or csv, not 'xml'", e.getMessage());
    }

    @Test
    void missingInput() {
        assertEquals("no such file or folder: no-such.jsonl", assertThrows(CliException.class, () -> readAll("no-such.jsonl", null)).getMessage());
    }
}
