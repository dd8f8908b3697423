package io.github.stance4j.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The peer tokenizer: HuggingFace {@code tokenizers} (Rust, through DJL's JNI binding) built from
 * all-MiniLM-L6-v2's tokenizer.json with padding off and LongestFirst truncation to
 * {@link Bench#MAX_LENGTH}.
 *
 * <p>{@link #ids} calls the JNI entry points directly and fetches the ids only: DJL's
 * {@code HuggingFaceTokenizer.encode(String)} also copies tokens, type ids, word ids, masks,
 * offsets and overflow into Java, which would slow the peer down for work stance4j's side does
 * not do.
 *
 * <p>Thread-safe for {@link #ids} (the Rust tokenizer is immutable); owns the native tokenizer,
 * freed by {@link #close()}.
 */
final class HfTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final long handle;

    HfTokenizer() throws IOException {
        Bench.configure();
        Map<String, String> options = Map.of(
                "padding", "false",
                "truncation", "true",
                "maxLength", String.valueOf(Bench.MAX_LENGTH),
                "modelMaxLength", String.valueOf(Bench.MAX_LENGTH));
        tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(Bench.resource(Bench.HF_TOKENIZER_JSON)), options);
        handle = tokenizer.getHandle();
    }

    /** {@code [CLS] text [SEP]} ids, truncated, not padded. */
    long[] ids(String text) {
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        long encoding = lib.encode(handle, text, true);
        try {
            return lib.getTokenIds(encoding);
        } finally {
            lib.deleteEncoding(encoding);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
