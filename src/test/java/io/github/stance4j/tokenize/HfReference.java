package io.github.stance4j.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-only access to the HuggingFace reference tokenizer (DJL binding of the Rust
 * {@code tokenizers} library) built from the all-MiniLM-L6-v2 tokenizer.json.
 *
 * <p>The json ships with truncation LongestFirst/128 and padding Fixed/128; the reference is
 * always built with padding OFF, and with truncation either off or set to the requested
 * LongestFirst length, so its ids are directly comparable with ours.
 */
final class HfReference {

    static {
        // Belt and braces (surefire sets them too): DJL must never phone home / probe EC2 metadata.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private HfReference() {}

    private static Path tokenizerJson;

    /** The base model's tokenizer.json, copied from the test classpath (the langchain4j artifact) to a temp file. */
    static synchronized Path tokenizerJson() throws IOException {
        if (tokenizerJson == null) {
            try (java.io.InputStream in = HfReference.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
                if (in == null) {
                    throw new IOException("all-minilm-l6-v2-tokenizer.json is not on the test classpath");
                }
                Path p = java.nio.file.Files.createTempFile("all-minilm-l6-v2-tokenizer", ".json");
                java.nio.file.Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                p.toFile().deleteOnExit();
                tokenizerJson = p;
            }
        }
        return tokenizerJson;
    }

    /** The vocabulary the library ships. */
    static Path vocabTxt() {
        return Paths.get("models", "vocab.txt");
    }

    /** Reference tokenizer without truncation or padding. */
    static HuggingFaceTokenizer untruncated() throws IOException {
        Map<String, String> opts = new HashMap<>();
        opts.put("padding", "false");
        opts.put("truncation", "false");
        opts.put("modelMaxLength", String.valueOf(Integer.MAX_VALUE));
        opts.put("maxLength", String.valueOf(Integer.MAX_VALUE));
        return HuggingFaceTokenizer.newInstance(tokenizerJson(), opts);
    }

    /** Reference tokenizer with LongestFirst truncation to {@code maxLength} (incl. specials), no padding. */
    static HuggingFaceTokenizer truncated(int maxLength) throws IOException {
        Map<String, String> opts = new HashMap<>();
        opts.put("padding", "false");
        opts.put("truncation", "true");
        opts.put("modelMaxLength", String.valueOf(Integer.MAX_VALUE));
        opts.put("maxLength", String.valueOf(maxLength));
        return HuggingFaceTokenizer.newInstance(tokenizerJson(), opts);
    }

    /** What we compare: HF ids, type ids, char spans (code points; null for template specials). */
    record Ref(long[] ids, long[] typeIds, CharSpan[] spans, String[] tokens) {}

    /**
     * Encodes through the raw JNI entry points (the {@code HuggingFaceTokenizer.encode} wrapper
     * also fetches tokens, word ids, masks and overflowing encodings, which is much slower).
     *
     * @param b second sequence, or null for a single sequence
     */
    static Ref encode(HuggingFaceTokenizer t, String a, String b, boolean withTokens) {
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        long h = t.getHandle();
        long e = b == null ? lib.encode(h, a, true) : lib.encodeDual(h, a, b, true);
        try {
            return new Ref(lib.getTokenIds(e), lib.getTypeIds(e), lib.getTokenCharSpans(e),
                    withTokens ? lib.getTokens(e) : null);
        } finally {
            lib.deleteEncoding(e);
        }
    }
}
