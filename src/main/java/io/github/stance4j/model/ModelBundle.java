package io.github.stance4j.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.stance4j.ModelLoadException;
import io.github.stance4j.tokenize.WordPieceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * A model on disk or in the jar: {@code model.json} (the manifest), {@code weights.bin} and
 * {@code vocab.txt}. Internal.
 *
 * @param config the manifest
 * @param weights every tensor, float32 on the heap
 * @param tokenizer the tokenizer over the bundle's vocabulary
 * @param source where the bundle came from, for messages
 */
public record ModelBundle(ModelConfig config, Map<String, Tensor> weights, WordPieceTokenizer tokenizer, String source) {
    /** Where the shipped model lives on the classpath. */
    public static final String RESOURCE_DIR = "io/github/stance4j/model/";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Loads the model embedded in the jar. */
    public static ModelBundle embedded() throws ModelLoadException {
        ClassLoader cl = ModelBundle.class.getClassLoader();
        return load(name -> cl.getResourceAsStream(RESOURCE_DIR + name), "classpath:" + RESOURCE_DIR);
    }

    /** Loads a bundle from a directory. */
    public static ModelBundle fromDirectory(Path dir) throws ModelLoadException {
        return load(name -> {
            Path p = dir.resolve(name);
            return Files.exists(p) ? Files.newInputStream(p) : null;
        }, dir.toString());
    }

    interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static ModelBundle load(Opener opener, String source) throws ModelLoadException {
        ModelConfig config;
        byte[] vocab;
        Map<String, Tensor> weights;
        try {
            config = JSON.readValue(read(opener, "model.json", source), ModelConfig.class);
            if (config.format() != ModelConfig.FORMAT) {
                throw new ModelLoadException(source + "/model.json has format " + config.format() + ", this library reads format " + ModelConfig.FORMAT);
            }
            vocab = read(opener, "vocab.txt", source);
            if (config.vocabSha256() != null && !config.vocabSha256().equals(sha256(vocab))) {
                throw new ModelLoadException(source + "/vocab.txt does not match the hash in model.json");
            }
            weights = TensorFile.read(new ByteArrayInputStream(read(opener, "weights.bin", source)));
            return new ModelBundle(config, weights, WordPieceTokenizer.load(new ByteArrayInputStream(vocab)), source);
        } catch (IOException e) {
            throw new ModelLoadException("cannot load model from " + source + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Opener opener, String name, String source) throws IOException {
        try (InputStream in = opener.open(name)) {
            if (in == null) {
                throw new IOException(source + " has no " + name);
            }
            return in.readAllBytes();
        }
    }

    /** Writes the bundle to {@code dir}: encoder matrices as float16, the word embeddings as int8 rows. */
    public static void write(Path dir, ModelConfig config, Map<String, Tensor> weights, byte[] vocab) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve("weights.bin"))) {
            TensorFile.write(out, weights, t -> t.name().equals("embeddings.word_embeddings.weight")
                    ? TensorFile.Storage.INT8_ROWS : TensorFile.Storage.FP16);
        }
        Files.write(dir.resolve("vocab.txt"), vocab);
        writeManifest(dir, config);
    }

    /** Writes (or rewrites) a bundle's {@code model.json}. */
    public static void writeManifest(Path dir, ModelConfig config) throws IOException {
        JSON.writeValue(dir.resolve("model.json").toFile(), config);
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
