package io.github.stance4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.github.stance4j.Fuzz;
import io.github.stance4j.text.SentenceSplitterFuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the tokenizer with seeded random property tests (see {@link Fuzz}): offsets only move
 * forward and stay inside the text, and ids equal HuggingFace's (the reference the parity tests
 * use) on any string. Each property runs 200 tries from a fixed seed, so a failure reproduces;
 * run longer with {@code mvn -B test -Dtest='*FuzzTest' -Dstance4j.fuzz.tries=20000}.
 */
class TokenizerFuzzTest {
    private static WordPieceTokenizer tok;
    private static HuggingFaceTokenizer hf;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(HfReference.vocabTxt())) {
            tok = WordPieceTokenizer.load(in);
        }
        hf = HfReference.untruncated();
    }

    @AfterAll
    static void close() {
        if (hf != null) {
            hf.close();
        }
    }

    /** One of: any string (up to 80 chars), up to 40 splitter pieces, or up to 80 chars in U+0000..U+036F. */
    static String mixed(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> Fuzz.anyString(r, 80);
            case 1 -> Fuzz.joined(r, SentenceSplitterFuzzTest.PIECES, 40);
            default -> Fuzz.charsIn(r, '\u0000', '\u036F', 80);
        };
    }

    @Test
    void offsets_monotone_andInsideTheText() {
        Fuzz.forAll(0x70C_0001L, 200, TokenizerFuzzTest::mixed, TokenizerFuzzTest::assertOffsets);
    }

    @Test
    void ids_equalHuggingFaces() {
        Fuzz.forAll(0x70C_0002L, 200, TokenizerFuzzTest::mixed, TokenizerFuzzTest::assertIdsEqualHuggingFaces);
    }

    private static void assertOffsets(String text) {
        Encoding e = tok.encode(text, Integer.MAX_VALUE);
        int lastStart = 0;
        int lastEnd = 0;
        for (int t = 1; t < e.length() - 1; t++) {
            assertTrue(e.starts()[t] < e.ends()[t] && e.ends()[t] <= text.length(), "token " + t + " span");
            assertTrue(e.starts()[t] >= lastStart && e.ends()[t] >= lastEnd, "offsets only move forward at token " + t);
            lastStart = e.starts()[t];
            lastEnd = e.ends()[t];
        }
    }

    private static void assertIdsEqualHuggingFaces(String text) {
        String rust = withoutLoneSurrogates(text); // a Rust string cannot hold them; ours drops them
        Encoding ours = tok.encode(text, Integer.MAX_VALUE);
        assertNull(Parity.idsMismatch(HfReference.encode(hf, rust, null, true), ours), () -> "for " + CorpusParityTest.escape(text));
    }

    private static String withoutLoneSurrogates(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
