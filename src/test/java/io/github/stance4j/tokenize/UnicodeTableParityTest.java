package io.github.stance4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive check of the per-code-point tables: every Unicode scalar value c (1,112,064 of them)
 * is encoded inside "a" + c + "b" (so removal, whitespace, punctuation isolation, CJK spacing,
 * mapping to a vocabulary character and [UNK] are all visible in the ids), 512 probes per input
 * separated by spaces, and ids and offsets are compared with HF. Takes a few seconds.
 *
 * <p>{@link #regenerateRanges} (opt-in: {@code -Dstance4j.regenerateTables=true}) rebuilds the
 * three range lists embedded in {@link BertUnicode} from HF's behaviour, for a future HF version.
 */
class UnicodeTableParityTest {

    private static HuggingFaceTokenizer hf;
    private static WordPieceTokenizer tok;

    @BeforeAll
    static void setUp() throws IOException {
        hf = HfReference.untruncated();
        try (InputStream in = Files.newInputStream(HfReference.vocabTxt())) {
            tok = WordPieceTokenizer.load(in);
        }
    }

    @AfterAll
    static void tearDown() {
        hf.close();
    }

    @Test
    void everyCodePointInContextMatchesHf() {
        List<String> failures = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        final int batch = 512;
        for (int base = 0; base < 0x110000; base += batch) {
            sb.setLength(0);
            for (int cp = base; cp < base + batch; cp++) {
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    continue;
                }
                sb.append('a').appendCodePoint(cp).append('b').append(' ');
            }
            if (sb.length() == 0) {
                continue;
            }
            String s = sb.toString();
            if (compare(s) != null) {
                for (int cp = base; cp < base + batch; cp++) {
                    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                        continue;
                    }
                    String one = "a" + new String(Character.toChars(cp)) + "b";
                    String why = compare(one);
                    if (why != null && failures.size() < 50) {
                        failures.add(String.format("U+%04X: %s", cp, why));
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private static String compare(String s) {
        HfReference.Ref h = HfReference.encode(hf, s, null, true);
        Encoding o = tok.encode(s, Integer.MAX_VALUE);
        String why = Parity.idsMismatch(h, o);
        return why != null ? why : Parity.offsetsMismatch(h, o, s, null);
    }

    /**
     * Classifies every code point by HF's output for "a" + c + "b": [ab] = removed, [a, b] =
     * whitespace, [a, x, b] = isolated (punctuation or CJK), anything else = word character; and
     * writes the range lists (CJK ranges excluded from punctuation) to target/.
     */
    @Test
    void regenerateRanges() throws IOException {
        assumeTrue(Boolean.getBoolean("stance4j.regenerateTables"), "opt-in");
        int idA = tok.tokenId("a");
        int idB = tok.tokenId("b");
        int idAb = tok.tokenId("ab");
        byte[] cls = new byte[0x110000];
        StringBuilder sb = new StringBuilder();
        final int batch = 512;
        int[] cps = new int[batch];
        for (int base = 0; base < 0x110000; base += batch) {
            sb.setLength(0);
            int n = 0;
            for (int cp = base; cp < base + batch; cp++) {
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    continue;
                }
                cps[n++] = cp;
                sb.append('a').appendCodePoint(cp).append('b').append(' ');
            }
            if (n == 0) {
                continue;
            }
            HfReference.Ref r = HfReference.encode(hf, sb.toString(), null, false);
            int[][] per = new int[n][3];
            int[] cnt = new int[n];
            for (int t = 1; t < r.ids().length - 1; t++) { // skip [CLS] / [SEP]
                int p = r.spans()[t].getStart() / 4; // each probe is 4 code points
                if (cnt[p] < 3) {
                    per[p][cnt[p]] = (int) r.ids()[t];
                }
                cnt[p]++;
            }
            for (int p = 0; p < n; p++) {
                int[] t = per[p];
                byte k = 0;
                if (cnt[p] == 1 && t[0] == idAb) {
                    k = 1;
                } else if (cnt[p] == 2 && t[0] == idA && t[1] == idB) {
                    k = 2;
                } else if (cnt[p] == 3 && t[0] == idA && t[2] == idB) {
                    k = BertUnicode.isChinese(cps[p]) ? (byte) 0 : 3;
                }
                cls[cps[p]] = k;
            }
        }
        StringBuilder out = new StringBuilder();
        String[] names = {"", "REMOVED_RANGES", "WHITESPACE_RANGES", "PUNCTUATION_RANGES"};
        for (int k = 1; k <= 3; k++) {
            out.append(names[k]).append(":\n");
            int start = -1;
            StringBuilder line = new StringBuilder();
            for (int c = 0; c <= 0x110000; c++) {
                boolean in = c < 0x110000 && cls[c] == k;
                if (in && start < 0) {
                    start = c;
                } else if (!in && start >= 0) {
                    line.append(Integer.toHexString(start));
                    if (c - 1 != start) {
                        line.append('-').append(Integer.toHexString(c - 1));
                    }
                    line.append(' ');
                    start = -1;
                }
            }
            out.append(line.toString().trim()).append("\n\n");
        }
        Path target = Paths.get("target", "bert-unicode-ranges.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, out);
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
