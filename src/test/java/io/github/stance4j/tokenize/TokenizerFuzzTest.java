package io.github.stance4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the tokenizer (jqwik): offsets only move forward and stay inside the text, and ids
 * equal HuggingFace's (the reference the parity tests use) on any string.
 */
class TokenizerFuzzTest {
    private static WordPieceTokenizer tok;
    private static HuggingFaceTokenizer hf;

    @BeforeContainer
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(HfReference.vocabTxt())) {
            tok = WordPieceTokenizer.load(in);
        }
        hf = HfReference.untruncated();
    }

    @AfterContainer
    static void close() {
        hf.close();
    }

    @Provide
    Arbitrary<String> mixed() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.of(io.github.stance4j.text.SentenceSplitterFuzzTest.PIECES).list().ofMaxSize(40).map(l -> String.join("", l)),
                Arbitraries.strings().withCharRange('\u0000', '\u036F').ofMaxLength(80));
    }

    @Property
    void offsets_monotone_andInsideTheText(@ForAll("mixed") String text) {
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

    @Property
    void ids_equalHuggingFaces(@ForAll("mixed") String text) {
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
