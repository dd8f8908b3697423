package io.github.stance4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.Fuzz;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the JSONL reader (seeded random property tests, see {@link Fuzz}): whatever a line
 * holds, reading it never throws, yields exactly one record for a non-blank line (the document,
 * or an error record that says something), and keeps reading the next line.
 */
class JsonlReaderFuzzTest {
    private static final Inputs.Options OPTIONS = new Inputs.Options("text", null, 100);

    /** Pieces of JSON, near-JSON and hostile text the generator strings together. */
    private static final List<String> PIECES = List.of(
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\"id\"", "\"text\"", "\"NATO met ASEAN.\"", "\"\"", "null", "true", "1",
            "-0", "1e400", "123456789012345678901234567890", "{\"a\":", "[[[[", "]]]]", "\\u0000", "\\ud800", "\\u200b",
            "\u0000", "\u0007", "\u200B", "\u202E", "\uD800", "\uDC00", "北约", "الناتو", "👍🏽", " ", "\t", "<p>", "**");

    private static void oneRecordPerLine(byte[] line) {
        byte[] input = new byte[line.length + "\n{\"id\":\"after\",\"text\":\"NATO met.\"}\n".length()];
        System.arraycopy(line, 0, input, 0, line.length);
        byte[] tail = "\n{\"id\":\"after\",\"text\":\"NATO met.\"}\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(tail, 0, input, line.length, tail.length);
        List<Doc> docs;
        try {
            docs = JsonlReaderTest.read(input, OPTIONS);
        } catch (Exception e) {
            throw new AssertionError("reading threw " + e, e);
        }
        boolean blank = new String(line, StandardCharsets.UTF_8).isBlank();
        assertEquals(blank ? 1 : 2, docs.size(), "records: " + docs);
        Doc after = docs.get(docs.size() - 1);
        assertEquals("after", after.id(), "the next line is read as itself");
        assertEquals("NATO met.", after.text());
        if (!blank) {
            Doc d = docs.get(0);
            assertTrue(d.text() != null || (d.error() != null && !d.error().isBlank()), "a document or an error that says something: " + d);
        }
    }

    @Test
    void jsonLikeLines_giveOneRecordEach_andNeverThrow() {
        Fuzz.forAll(51, 200, r -> Fuzz.joined(r, PIECES, 40), line -> oneRecordPerLine(line.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void wrappedRecords_giveOneRecordEach_andNeverThrow() {
        Fuzz.forAll(52, 200, r -> "{\"id\":\"x\",\"text\":" + Fuzz.joined(r, PIECES, 12) + "}",
                line -> oneRecordPerLine(line.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anyBytes_giveOneRecordEach_andNeverThrow() {
        Fuzz.forAll(53, 200, r -> {
            byte[] b = new byte[r.nextInt(200)];
            r.nextBytes(b);
            for (int i = 0; i < b.length; i++) {
                if (b[i] == '\n' || b[i] == '\r') {
                    b[i] = ' ';
                }
            }
            return b;
        }, JsonlReaderFuzzTest::oneRecordPerLine);
    }
}
