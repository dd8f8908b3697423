package io.github.stance4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Parity with HF tokenizers (DJL 0.36.0 / tokenizers 0.21) on a generated multilingual corpus.
 *
 * <p>For every sentence i: single encoding without truncation, pair encoding (sentence i with
 * another corpus sentence) without truncation, and single + pair encoding with LongestFirst
 * truncation to a length cycling through {@link #LENGTHS}. Ids and type ids must be identical;
 * offsets are compared for every token of every encoding (HF's code-point offsets converted to
 * UTF-16, HF's null span of a template [CLS]/[SEP] = our (0,0)).
 */
class CorpusParityTest {

    static final long SEED = 0x5EED_4B1DL;
    static final int SENTENCES = 12_000;
    static final int[] LENGTHS = {3, 4, 5, 7, 8, 16, 31, 64, 128};
    // the last four (budgets 13, 28, 61, 125 after specials) are the large ones

    private static HuggingFaceTokenizer hfFull;
    private static HuggingFaceTokenizer[] hfTrunc;
    private static WordPieceTokenizer tok;

    @BeforeAll
    static void setUp() throws IOException {
        hfFull = HfReference.untruncated();
        hfTrunc = new HuggingFaceTokenizer[LENGTHS.length];
        for (int i = 0; i < LENGTHS.length; i++) {
            hfTrunc[i] = HfReference.truncated(LENGTHS[i]);
        }
        try (InputStream in = Files.newInputStream(HfReference.vocabTxt())) {
            tok = WordPieceTokenizer.load(in);
        }
    }

    @AfterAll
    static void tearDown() {
        hfFull.close();
        for (HuggingFaceTokenizer t : hfTrunc) {
            t.close();
        }
    }

    @Test
    void corpusIsDeterministic() {
        assertEquals(CorpusGenerator.generate(SEED, 200), CorpusGenerator.generate(SEED, 200));
    }

    @Test
    void idsAndOffsetsMatchHf() {
        List<String> corpus = CorpusGenerator.generate(SEED, SENTENCES);
        List<String> failures = new ArrayList<>();
        int comparisons = 0;
        int idMismatches = 0;
        int offsetMismatches = 0;
        long tokens = 0;
        int unk = 0;
        int truncated = 0;
        int unkId = tok.tokenId("[UNK]");
        for (int i = 0; i < corpus.size(); i++) {
            String a = corpus.get(i);
            String b = corpus.get((int) ((i * 7L + 3) % corpus.size()));
            Encoding full = tok.encode(a, Integer.MAX_VALUE);
            Encoding fullPair = tok.encodePair(a, b, Integer.MAX_VALUE);
            int li = i % LENGTHS.length;
            int max = LENGTHS[li];
            // HF materialises every overflow window and, for pairs, their cross product: with a
            // tiny budget and long inputs that costs tens of ms per call, so tiny budgets are only
            // used for short pairs; long pairs get a large budget (odd ones included).
            int pairLi = li;
            if (LENGTHS[li] < 16 && fullPair.length() > 40) {
                pairLi = LENGTHS.length - 1 - (i % 4);
            }
            int pairMax = LENGTHS[pairLi];
            Encoding[] ours = {full, fullPair, tok.encode(a, max), tok.encodePair(a, b, pairMax)};
            HuggingFaceTokenizer[] refTok = {hfFull, hfFull, hfTrunc[li], hfTrunc[pairLi]};
            String[] what = {"single", "pair", "single/max=" + max, "pair/max=" + pairMax};
            for (int k = 0; k < 4; k++) {
                comparisons++;
                String bk = k % 2 == 1 ? b : null;
                HfReference.Ref ref = HfReference.encode(refTok[k], a, bk, false);
                String why = Parity.idsMismatch(ref, ours[k]);
                if (why != null) {
                    idMismatches++;
                    why = Parity.idsMismatch(HfReference.encode(refTok[k], a, bk, true), ours[k]);
                } else {
                    why = Parity.offsetsMismatch(ref, ours[k], a, bk);
                    if (why != null) {
                        offsetMismatches++;
                    }
                }
                if (why != null && failures.size() < 20) {
                    failures.add("#" + i + " " + what[k] + " a=" + escape(a)
                            + (bk != null ? " b=" + escape(b) : "") + "\n " + why);
                }
                if (k >= 2 && ours[k].length() < ours[k - 2].length()) {
                    truncated++;
                }
            }
            tokens += ours[0].length();
            for (int id : ours[0].ids()) {
                if (id == unkId) {
                    unk++;
                }
            }
        }
        System.out.printf("corpus parity: %d sentences, %d comparisons (ids+type ids+offsets), "
                        + "%d id mismatches, %d offset mismatches; %d tokens (single), %d [UNK], "
                        + "%d truncated encodings compared%n",
                corpus.size(), comparisons, idMismatches, offsetMismatches, tokens, unk, truncated);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate(c) || Character.getType(c) == Character.PRIVATE_USE
                    || Character.isSpaceChar(c) && c != ' ') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
