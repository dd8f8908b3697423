package io.github.stance4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.stance4j.TimeBudgetExceededException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Behaviour tests with literal expected outputs (all of them were checked once against HF
 * tokenizers; the parity tests keep checking HF itself). Expected tokens are written as
 * {@code token@start-end}, offsets in UTF-16 units of the input; the surrounding template
 * {@code [CLS]}/{@code [SEP]} (always at 0-0) are checked by the helper.
 */
class WordPieceTokenizerTest {

    private static WordPieceTokenizer tok;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(HfReference.vocabTxt())) {
            tok = WordPieceTokenizer.load(in);
        }
    }

    private static void assertTokens(String text, String... expected) {
        Encoding e = tok.encode(text, Integer.MAX_VALUE);
        List<String> got = new ArrayList<>();
        for (int i = 1; i < e.length() - 1; i++) {
            got.add(tok.token(e.ids()[i]) + "@" + e.starts()[i] + "-" + e.ends()[i]);
        }
        assertEquals(Arrays.asList(expected), got, () -> "tokens of " + CorpusParityTest.escape(text));
        assertEquals(tok.tokenId("[CLS]"), e.ids()[0]);
        assertEquals(tok.tokenId("[SEP]"), e.ids()[e.length() - 1]);
        for (int i : new int[] {0, e.length() - 1}) {
            assertEquals(0, e.starts()[i]);
            assertEquals(0, e.ends()[i]);
        }
        for (int t : e.typeIds()) {
            assertEquals(0, t);
        }
    }

    // ---- vocabulary -----------------------------------------------------------------------

    @Test
    void vocabulary() {
        assertEquals(30522, tok.vocabSize());
        assertEquals(0, tok.tokenId("[PAD]"));
        assertEquals(100, tok.tokenId("[UNK]"));
        assertEquals(101, tok.tokenId("[CLS]"));
        assertEquals(102, tok.tokenId("[SEP]"));
        assertEquals(103, tok.tokenId("[MASK]"));
        assertEquals(7592, tok.tokenId("hello"));
        assertEquals(3989, tok.tokenId("##ization"));
        assertEquals(-1, tok.tokenId("Hello"));
        assertEquals(-1, tok.tokenId("notavocabularyentry"));
        assertEquals("hello", tok.token(7592));
        assertThrows(IndexOutOfBoundsException.class, () -> tok.token(30522));
    }

    @Test
    void loadsCrlfTrailingWhitespaceAndDuplicatesLikeHf() throws IOException {
        String vocab = "[PAD]\r\n[UNK]\r\n[CLS] \r\n[SEP]\t\r\nun\nuna\n##aff\n##able\n##ffable\nun\n";
        WordPieceTokenizer t = WordPieceTokenizer.load(
                new ByteArrayInputStream(vocab.getBytes(StandardCharsets.UTF_8)));
        assertEquals(10, t.vocabSize());
        assertEquals(2, t.tokenId("[CLS]"));
        assertEquals(3, t.tokenId("[SEP]"));
        assertEquals(9, t.tokenId("un")); // duplicate: the later line wins, as in HF
        // greedy longest-match-first: "una" beats "un", then "##ffable" beats "##aff"
        assertArrayEquals(new int[] {2, 5, 8, 3}, t.encode("unaffable", 16).ids());
        // a piece that cannot be matched makes the whole word [UNK]
        assertArrayEquals(new int[] {2, 1, 3}, t.encode("unx", 16).ids());
        // no [MASK] in this vocabulary: the literal text is ordinary punctuation + word
        assertArrayEquals(new int[] {2, 1, 1, 1, 3}, t.encode("[MASK]", 16).ids());
    }

    @Test
    void rejectsVocabularyWithoutRequiredSpecials() {
        byte[] v = "[PAD]\n[UNK]\nhello\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class,
                () -> WordPieceTokenizer.load(new ByteArrayInputStream(v)));
    }

    // ---- basics ---------------------------------------------------------------------------

    @Test
    void englishPunctuationAndOffsets() {
        assertTokens("Hello, World!", "hello@0-5", ",@5-6", "world@7-12", "!@12-13");
    }

    @Test
    void wordPiecesUseContinuationPrefix() {
        assertTokens("unaffable tokenization",
                "una@0-3", "##ffa@3-6", "##ble@6-9", "token@10-15", "##ization@15-22");
    }

    @Test
    void emptyAndWhitespaceOnly() {
        assertTokens("");
        assertTokens("   \t\n ");
        assertArrayEquals(new int[] {101, 102}, tok.encode("", 2).ids());
    }

    // ---- clean text -----------------------------------------------------------------------

    @Test
    void nulReplacementCharAndControlsAreRemovedInsideWords() {
        assertTokens("a\u0000b\uFFFDc", "abc@0-5");
        assertTokens("\u0007bell\u001B[0m", "bell@1-5", "[@6-7", "0@7-8", "##m@8-9");
        // VT, FF and NEL are control characters for HF (removed), not whitespace
        assertTokens("a\u000Bb\u000Cc\u0085d", "abc@0-5", "##d@6-7");
    }

    @Test
    void tabsNewlinesAndUnicodeSpacesSplit() {
        assertTokens("a\tb\nc\r\nd", "a@0-1", "b@2-3", "c@4-5", "d@7-8");
        assertTokens("a\u00A0b\u3000c\u2028d", "a@0-1", "b@2-3", "c@4-5", "d@6-7");
    }

    @Test
    void zeroWidthCharactersAndBomVanish() {
        assertTokens("foo\u200Bbar", "foo@0-3", "##bar@4-7");
        assertTokens("\uFEFFStart", "start@1-6");
        assertTokens("zero\u200Cwidth\u200Djoin",
                "zero@0-4", "##wi@5-7", "##dt@7-9", "##h@9-10", "##jo@11-13", "##in@13-15");
    }

    @Test
    void loneSurrogatesAreDropped() {
        assertTokens("a\uD800b\uDC00c", "abc@0-5");
        assertTokens("x\uD83D", "x@0-1");
    }

    // ---- lowercase, accents -----------------------------------------------------------------

    @Test
    void lowercaseAndAccentStripping() {
        assertTokens("Café Ñandú ÉCOLE", "cafe@0-4", "nan@5-8", "##du@8-10", "ecole@11-16");
        assertTokens("Straße STRASSE",
                "st@0-2", "##raße@2-6", "st@7-9", "##ras@9-12", "##se@12-14");
    }

    @Test
    void turkishDottedAndDotlessI() {
        // İ -> NFD I + U+0307 -> mark dropped -> i ; ı has no decomposition and stays ı
        assertTokens("İstanbul ılık IĞDIR",
                "istanbul@0-8", "ı@9-10", "##l@10-11", "##ı@11-12", "##k@12-13",
                "i@14-15", "##g@15-16", "##di@16-18", "##r@18-19");
    }

    @Test
    void decomposedMarksAreDroppedAndNotCoveredByOffsets() {
        // precomposed é covers its char; a separate U+0301 is outside the token span
        assertTokens("e\u0301te\u0301", "et@0-3", "##e@3-4");
    }

    @Test
    void greekHasNoFinalSigmaAndLosesTonos() {
        assertTokens("ΟΔΟΣ σοφός", "ο@0-1", "##δ@1-2", "##ο@2-3", "##σ@3-4",
                "σ@5-6", "##ο@6-7", "##φ@7-8", "##ος@8-10");
    }

    @Test
    void compatibilityCharactersOnlyGetCanonicalDecomposition() {
        // Ω (ohm), Å (angstrom), K (kelvin) decompose canonically; ﬁ and fullwidth do not (NFKD only)
        assertTokens("\u2126 \u212B \u212A", "ω@0-1", "a@2-3", "k@4-5");
        assertTokens("ﬁnance Ｈｅｌｌｏ", "ﬁ@0-1", "##nan@1-4", "##ce@4-6", "[UNK]@7-12");
    }

    // ---- punctuation ------------------------------------------------------------------------

    @Test
    void asciiSymbolsCountAsPunctuation() {
        assertTokens("$5+3=8 <a> ^_^ `x` |y| ~z",
                "$@0-1", "5@1-2", "+@2-3", "3@3-4", "=@4-5", "8@5-6", "<@7-8", "a@8-9", ">@9-10",
                "^@11-12", "_@12-13", "^@13-14", "`@15-16", "x@16-17", "`@17-18", "|@19-20",
                "y@20-21", "|@21-22", "~@23-24", "z@24-25");
    }

    @Test
    void unicodePunctuationIsIsolated() {
        assertTokens("«Bonjour» „Hallo“ — ok…",
                "«@0-1", "bon@1-4", "##jou@4-7", "##r@7-8", "»@8-9", "„@10-11", "hall@11-15",
                "##o@15-16", "“@16-17", "—@18-19", "ok@20-22", "…@22-23");
        // U+1FEF GREEK VARIA decomposes to '`', U+037E GREEK QUESTION MARK to ';'
        assertTokens("x\u1FEFy\u037Ez", "x@0-1", "`@1-2", "y@2-3", ";@3-4", "z@4-5");
    }

    @Test
    void numbersAndUrls() {
        assertTokens("3.14 1,000,000 2024-05-01",
                "3@0-1", ".@1-2", "14@2-4", "1@5-6", ",@6-7", "000@7-10", ",@10-11", "000@11-14",
                "202@15-18", "##4@18-19", "-@19-20", "05@20-22", "-@22-23", "01@23-25");
        assertTokens("https://www.example.com/a?b=c&d=e#f",
                "https@0-5", ":@5-6", "/@6-7", "/@7-8", "www@8-11", ".@11-12", "example@12-19",
                ".@19-20", "com@20-23", "/@23-24", "a@24-25", "?@25-26", "b@26-27", "=@27-28",
                "c@28-29", "&@29-30", "d@30-31", "=@31-32", "e@32-33", "#@33-34", "f@34-35");
    }

    // ---- special tokens in text -------------------------------------------------------------

    @Test
    void literalSpecialTokensAreMatchedBeforeNormalisation() {
        assertTokens("[MASK]", "[MASK]@0-6");
        assertTokens("x[MASK]y", "x@0-1", "[MASK]@1-7", "y@7-8");
        assertTokens("[[MASK]]", "[@0-1", "[MASK]@1-7", "]@7-8");
        assertTokens("The [CLS] and [SEP] and [PAD] and [UNK]", "the@0-3", "[CLS]@4-9",
                "and@10-13", "[SEP]@14-19", "and@20-23", "[PAD]@24-29", "and@30-33", "[UNK]@34-39");
        // matching is case-sensitive
        assertTokens("[mask] [Mask]",
                "[@0-1", "mask@1-5", "]@5-6", "[@7-8", "mask@8-12", "]@12-13");
        assertTokens("[MASK", "[@0-1", "mask@1-5");
    }

    // ---- scripts ----------------------------------------------------------------------------

    @Test
    void cjkIdeographsAreSplitOneByOne() {
        assertTokens("中文abc字", "中@0-1", "文@1-2", "abc@2-5", "[UNK]@5-6");
        // compatibility ideograph U+F900 -> U+8C48 (not in vocab); ext-B ideograph (surrogate pair)
        assertTokens("\uF900\u4E00", "[UNK]@0-1", "一@1-2");
        assertTokens("\uD840\uDC00x", "[UNK]@0-2", "x@2-3");
        assertTokens("こんにちは世界",
                "こ@0-1", "##ん@1-2", "##に@2-3", "##ち@3-4", "##は@4-5", "世@5-6", "[UNK]@6-7");
    }

    @Test
    void hangulDecomposesToJamoWithinOneCharacterSpan() {
        assertTokens("안녕하세요", "ᄋ@0-1", "##ᅡ@0-1", "##ᆫ@0-1", "##ᄂ@1-2", "##ᅧ@1-2", "##ᆼ@1-2",
                "##ᄒ@2-3", "##ᅡ@2-3", "##ᄉ@3-4", "##ᅦ@3-4", "##ᄋ@4-5", "##ᅭ@4-5");
    }

    @Test
    void cyrillicArabicDevanagariThai() {
        assertTokens("Привет, мир!", "п@0-1", "##р@1-2", "##и@2-3", "##в@3-4", "##е@4-5", "##т@5-6",
                ",@6-7", "м@8-9", "##и@9-10", "##р@10-11", "!@11-12");
        // harakat are Mn: dropped
        assertTokens("مَرْحَبًا بِالْعَالَم", "م@0-1", "##ر@2-3", "##ح@4-5", "##ب@6-7", "##ا@8-9",
                "ب@10-11", "##ا@12-13", "##ل@13-14", "##ع@15-16", "##ا@17-18", "##ل@18-19", "##م@20-21");
        // virama and vowel signs that are Mn are dropped, Mc ones (ि, ा) are kept
        assertTokens("नमस्ते दुनिया", "न@0-1", "##म@1-2", "##स@2-3", "##त@4-5",
                "द@7-8", "##न@9-10", "##ि@10-11", "##य@11-12", "##ा@12-13");
        assertTokens("สวัสดีครับ", "[UNK]@0-10");
    }

    // ---- emoji ------------------------------------------------------------------------------

    @Test
    void emojiAreWordCharactersAndUnknown() {
        assertTokens("😀", "[UNK]@0-2");
        assertTokens("hi😀", "[UNK]@0-4");
        assertTokens("👍🏽 ok", "[UNK]@0-4", "ok@5-7"); // skin tone modifier stays in the word
        // ZWJ removed, the family is one word
        assertTokens("👨\u200D👩\u200D👧 family", "[UNK]@0-8", "family@9-15");
        assertTokens("🇫🇷", "[UNK]@0-4");
        assertTokens("\uD835\uDC00\uD835\uDC01\uD835\uDC02 x", "[UNK]@0-6", "x@7-8"); // math bold
    }

    // ---- long words -------------------------------------------------------------------------

    @Test
    void wordsOverOneHundredCodePointsAreUnknown() {
        String a100 = "a".repeat(100);
        Encoding e = tok.encode(a100, Integer.MAX_VALUE);
        assertTrue(e.length() > 3, "100 chars is still word-pieced");
        assertTokens("a".repeat(101), "[UNK]@0-101");
        assertTokens("x " + "a".repeat(150) + " y", "x@0-1", "[UNK]@2-152", "y@153-154");
        // the limit counts code points after normalisation: 101 emoji = 202 UTF-16 units
        assertTokens("😀".repeat(101), "[UNK]@0-202");
        // 100 × (e + combining acute) is 200 code points in, 100 after normalisation: not [UNK]
        String decomposed = "e\u0301".repeat(100);
        assertTrue(tok.encode(decomposed, Integer.MAX_VALUE).ids()[1] != tok.tokenId("[UNK]"));
        assertTokens(decomposed + "e", "[UNK]@0-201");
    }

    @Test
    void hugeInputWithoutSpacesIsOneUnknownToken() {
        String big = "x".repeat(2_000_000);
        assertTokens(big, "[UNK]@0-2000000");
    }

    // ---- truncation -------------------------------------------------------------------------

    @Test
    void singleTruncationKeepsTheFirstTokens() {
        Encoding e = tok.encode("one two three four", 4);
        assertArrayEquals(new int[] {101, tok.tokenId("one"), tok.tokenId("two"), 102}, e.ids());
        assertArrayEquals(new int[] {0, 0, 4, 0}, e.starts());
        assertArrayEquals(new int[] {0, 3, 7, 0}, e.ends());
        assertArrayEquals(new int[] {101, 102}, tok.encode("one two", 2).ids());
        assertThrows(IllegalArgumentException.class, () -> tok.encode("x", 1));
        assertThrows(IllegalArgumentException.class, () -> tok.encodePair("x", "y", 2));
    }

    @Test
    void truncationCutsWordPiecesLikeHf() {
        // "tokenization" = token ##ization: a budget of one token keeps only "token"
        assertArrayEquals(new int[] {101, tok.tokenId("token"), 102},
                tok.encode("tokenization", 3).ids());
        // a word made [UNK] is one token no matter how many pieces it would have had
        assertArrayEquals(new int[] {101, 100, tok.tokenId("x"), 102},
                tok.encode("zzz😀 x y", 4).ids());
    }

    @Test
    void longestFirstMatchesHfTable() {
        // HF tokenizers' own unit test (truncate_encodings_longest_first, max_length 7)
        int[][] cases = {
            {0, 0, 0, 0}, {0, 2, 0, 2}, {0, 4, 0, 4}, {0, 8, 0, 7},
            {2, 0, 2, 0}, {2, 2, 2, 2}, {2, 4, 2, 4}, {2, 8, 2, 5},
            {4, 0, 4, 0}, {4, 2, 4, 2}, {4, 4, 3, 4}, {4, 8, 3, 4},
            {8, 0, 7, 0}, {8, 2, 5, 2}, {8, 4, 4, 3}, {8, 8, 3, 4},
        };
        for (int[] c : cases) {
            long kept = WordPieceTokenizer.longestFirst(c[0], c[1], 7);
            assertEquals(c[2], (int) (kept >>> 32), () -> Arrays.toString(c));
            assertEquals(c[3], (int) kept, () -> Arrays.toString(c));
        }
        long zero = WordPieceTokenizer.longestFirst(5, 9, 0);
        assertEquals(0L, zero);
    }

    @Test
    void pairEncodingTypeIdsOffsetsAndLongestFirst() {
        String a = "one two three four";
        String b = "five six seven eight nine ten eleven twelve";
        Encoding full = tok.encodePair(a, b, Integer.MAX_VALUE);
        assertEquals(4 + 8 + 3, full.length());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1}, full.typeIds());
        // offsets of b's tokens index into b
        assertEquals(0, full.starts()[6]);
        assertEquals(4, full.ends()[6]);
        assertEquals(5, full.starts()[7]);

        // budget 10 - 3 = 7 for lengths (4, 8): HF keeps (3, 4)
        Encoding t = tok.encodePair(a, b, 10);
        int[] expected = {101, id("one"), id("two"), id("three"), 102,
            id("five"), id("six"), id("seven"), id("eight"), 102};
        assertArrayEquals(expected, t.ids());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, t.typeIds());
        // budget 0: only the three specials
        assertArrayEquals(new int[] {101, 102, 102}, tok.encodePair(a, b, 3).ids());
        // empty second sequence
        assertArrayEquals(new int[] {101, id("one"), 102, 102}, tok.encodePair("one", "", 8).ids());
    }

    private static int id(String t) {
        int id = tok.tokenId(t);
        assertTrue(id >= 0, t);
        return id;
    }

    // ---- allocation-free API ------------------------------------------------------------------

    @Test
    void encodeIntoWritesTheSameAsEncode() {
        List<String> corpus = CorpusGenerator.generate(7, 300);
        int max = 32;
        int[] ids = new int[max * corpus.size()];
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = 0; i < corpus.size(); i++) {
            int n = tok.encodeInto(corpus.get(i), max, ids, starts, ends, i * max);
            Encoding e = tok.encode(corpus.get(i), max);
            assertEquals(e.length(), n);
            assertArrayEquals(e.ids(), Arrays.copyOfRange(ids, i * max, i * max + n));
            assertArrayEquals(e.starts(), Arrays.copyOfRange(starts, i * max, i * max + n));
            assertArrayEquals(e.ends(), Arrays.copyOfRange(ends, i * max, i * max + n));
            for (int k = i * max + n; k < (i + 1) * max; k++) {
                assertEquals(0, ids[k], "padding untouched");
            }
        }
        int[] small = new int[3];
        assertThrows(IndexOutOfBoundsException.class,
                () -> tok.encodeInto("one two three", 16, small, null, null, 0));
        assertEquals(3, tok.encodeInto("one two three", 3, small, null, null, 0));
    }

    @Test
    void encodePairIntoWritesTheSameAsEncodePair() {
        List<String> corpus = CorpusGenerator.generate(11, 200);
        int max = 24;
        int[] ids = new int[max];
        int[] types = new int[max];
        int[] starts = new int[max];
        int[] ends = new int[max];
        for (int i = 0; i + 1 < corpus.size(); i += 2) {
            String a = corpus.get(i);
            String b = corpus.get(i + 1);
            int n = tok.encodePairInto(a, b, max, ids, types, starts, ends, 0);
            Encoding e = tok.encodePair(a, b, max);
            assertEquals(e, new Encoding(Arrays.copyOf(ids, n), Arrays.copyOf(types, n),
                    Arrays.copyOf(starts, n), Arrays.copyOf(ends, n)));
        }
    }

    @Test
    void threadSafeUnderConcurrentUse() {
        List<String> corpus = CorpusGenerator.generate(3, 2000);
        List<Encoding> sequential = new ArrayList<>();
        for (String s : corpus) {
            sequential.add(tok.encode(s, 64));
        }
        List<Encoding> parallel = IntStream.range(0, corpus.size()).parallel()
                .mapToObj(i -> tok.encode(corpus.get(i), 64)).toList();
        assertEquals(sequential, parallel);
    }

    @Test
    void encodingRecordValidatesAndComparesContents() {
        int[] z = {0};
        assertThrows(IllegalArgumentException.class, () -> new Encoding(z, new int[2], z, z));
        assertThrows(NullPointerException.class, () -> new Encoding(null, z, z, z));
        assertEquals(tok.encode("hello", 8), tok.encode("hello", 8));
        assertEquals(tok.encode("hello", 8).hashCode(), tok.encode("hello", 8).hashCode());
        assertTrue(tok.encode("hello", 8).toString().contains("7592"));
    }

    /** A check whose time budget has run out. */
    private static final Runnable EXPIRED = () -> {
        throw new TimeBudgetExceededException(Duration.ofMillis(1));
    };

    @Test
    void encode_expiredCheck_throws_andTheThreadsNextEncodingIsClean() {
        String text = "NATO leaders met again ".repeat(10_000);
        assertThrows(TimeBudgetExceededException.class, () -> tok.encode(text, Integer.MAX_VALUE, EXPIRED));
        assertThrows(TimeBudgetExceededException.class, () -> tok.encodePair(text, "NATO", 128, EXPIRED));
        assertTokens("hello world", "hello@0-5", "world@6-11");
    }

    @Test
    void encode_checkThatPasses_sameEncoding_checkedEvery4096Chars() {
        String text = "NATO leaders met again ".repeat(10_000); // 230,000 chars
        int[] calls = {0};
        assertEquals(tok.encode(text, Integer.MAX_VALUE), tok.encode(text, Integer.MAX_VALUE, () -> calls[0]++));
        assertTrue(calls[0] >= text.length() / WordPieceTokenizer.CHECK_INTERVAL, calls[0] + " checks");
        calls[0] = 0;
        assertEquals(tok.encodePair(text, "NATO", 128), tok.encodePair(text, "NATO", 128, () -> calls[0]++));
        assertTrue(calls[0] >= text.length() / WordPieceTokenizer.CHECK_INTERVAL, calls[0] + " checks");
    }

    @Test
    void encode_checkThrowsMidway_stopsThere() {
        String word = "x".repeat(300_000); // one word: no token until its end
        int[] calls = {0};
        IllegalStateException stop = new IllegalStateException("out of time");
        assertSame(stop, assertThrows(IllegalStateException.class, () -> tok.encode(word, Integer.MAX_VALUE, () -> {
            if (++calls[0] == 3) {
                throw stop;
            }
        })));
        assertEquals(3, calls[0]);
    }
}
