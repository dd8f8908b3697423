package io.github.stance4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.stance4j.ModelLoadException;
import io.github.stance4j.tokenize.WordPieceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model on disk or in the jar: {@code model.json} (the manifest), {@code weights.bin} and
 * {@code vocab.txt}. Internal.
 *
 * <p>The manifest carries a checksum of each of the other two files ({@code "sha256":
 * {"weights.bin": ..., "vocab.txt": ...}}), written by {@link #write} and {@link #writeManifest}.
 * Loading checks that every file is there, that the manifest's format is the one this library
 * reads, and both checksums, before it parses the weights: a truncated, altered or missing file
 * fails with a {@link ModelLoadException} that names it. A bundle made before checksums existed
 * gets them with {@link #writeManifest(Path)}, or from the command line:
 * {@code java -cp stance4j-cli.jar io.github.stance4j.model.ModelBundle DIR}.
 *
 * @param config the manifest
 * @param weights every tensor, float32 on the heap
 * @param tokenizer the tokenizer over the bundle's vocabulary
 * @param source where the bundle came from, for messages
 */
public record ModelBundle(ModelConfig config, Map<String, Tensor> weights, WordPieceTokenizer tokenizer, String source) {
    /** Where the shipped model lives on the classpath. */
    public static final String RESOURCE_DIR = "io/github/stance4j/model/";
    /** The files of a bundle. */
    public static final List<String> FILES = List.of("model.json", "weights.bin", "vocab.txt");
    /** The manifest's field holding the checksum of each other file. */
    public static final String CHECKSUMS = "sha256";
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
            return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
        }, dir.toString());
    }

    interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static ModelBundle load(Opener opener, String source) throws ModelLoadException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : FILES) {
            byte[] bytes = read(opener, name, source);
            if (bytes == null) {
                missing.add(name);
            } else {
                files.put(name, bytes);
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelLoadException("model folder " + source + " is missing " + String.join(" and ", missing)
                    + " (a model folder holds " + String.join(", ", FILES) + ")");
        }
        JsonNode manifest;
        ModelConfig config;
        try {
            manifest = JSON.readTree(files.get("model.json"));
            config = JSON.treeToValue(manifest, ModelConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException(where(source, "model.json") + " is not a valid manifest: " + e.getMessage(), e);
        }
        if (config == null || !manifest.isObject()) {
            throw new ModelLoadException(where(source, "model.json") + " is not a JSON object");
        }
        if (config.format() != ModelConfig.FORMAT) {
            throw new ModelLoadException(where(source, "model.json") + " has format " + config.format() + ", this library reads format "
                    + ModelConfig.FORMAT);
        }
        for (String name : List.of("weights.bin", "vocab.txt")) {
            JsonNode expected = manifest.path(CHECKSUMS).path(name);
            if (!expected.isTextual()) {
                throw new ModelLoadException(where(source, "model.json") + " has no sha256 checksum of " + name
                        + " (add the checksums with ModelBundle.writeManifest: see the README's Reliability section)");
            }
            String actual = sha256(files.get(name));
            if (!actual.equals(expected.asText())) {
                throw new ModelLoadException(where(source, name) + " is damaged or altered: its sha256 is " + actual
                        + ", model.json expects " + expected.asText() + " (" + files.get(name).length + " bytes)");
            }
        }
        if (config.vocabSha256() != null && !config.vocabSha256().equals(sha256(files.get("vocab.txt")))) {
            throw new ModelLoadException(where(source, "vocab.txt") + " does not match the vocabulary hash in model.json");
        }
        Map<String, Tensor> weights;
        try {
            weights = TensorFile.read(new ByteArrayInputStream(files.get("weights.bin")));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(where(source, "weights.bin") + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return new ModelBundle(config, weights, WordPieceTokenizer.load(new ByteArrayInputStream(files.get("vocab.txt"))), source);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(where(source, "vocab.txt") + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A file of a bundle, for messages. */
    static String where(String source, String name) {
        return source.endsWith("/") ? source + name : source + "/" + name;
    }

    /** The file's bytes, or null if there is no such file. */
    private static byte[] read(Opener opener, String name, String source) throws ModelLoadException {
        try (InputStream in = opener.open(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + where(source, name) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the bundle to {@code dir}: the word embeddings as int8 rows, the other matrices as
     * float16 (int8 rows too for an encoder deeper than the default 6 layers, which keeps a 12-layer
     * model within the 50 MB of models/); the manifest carries both files' checksums.
     */
    public static void write(Path dir, ModelConfig config, Map<String, Tensor> weights, byte[] vocab) throws IOException {
        Files.createDirectories(dir);
        boolean deep = config.layers() > BaseModel.MINILM_L6.layers();
        try (OutputStream out = Files.newOutputStream(dir.resolve("weights.bin"))) {
            TensorFile.write(out, weights, t -> deep || t.name().equals("embeddings.word_embeddings.weight")
                    ? TensorFile.Storage.INT8_ROWS : TensorFile.Storage.FP16);
        }
        Files.write(dir.resolve("vocab.txt"), vocab);
        writeManifest(dir, config);
    }

    /**
     * Writes (or rewrites) a bundle's {@code model.json} from {@code config}, with the checksums
     * of the {@code weights.bin} and {@code vocab.txt} now in {@code dir}.
     */
    public static void writeManifest(Path dir, ModelConfig config) throws IOException {
        writeWithChecksums(dir, JSON.valueToTree(config));
    }

    /**
     * Adds (or renews) the checksums in the {@code model.json} of {@code dir}, leaving every other
     * field as it is: the step that makes a bundle written before checksums existed load again.
     */
    public static void writeManifest(Path dir) throws IOException {
        JsonNode manifest = JSON.readTree(dir.resolve("model.json").toFile());
        if (!manifest.isObject()) {
            throw new IOException(dir.resolve("model.json") + " is not a JSON object");
        }
        writeWithChecksums(dir, (ObjectNode) manifest);
    }

    private static void writeWithChecksums(Path dir, ObjectNode manifest) throws IOException {
        ObjectNode sums = JSON.createObjectNode();
        for (String name : List.of("weights.bin", "vocab.txt")) {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) {
                throw new IOException("cannot write the checksums: " + p + " does not exist");
            }
            sums.put(name, sha256(Files.readAllBytes(p)));
        }
        manifest.remove(CHECKSUMS);
        manifest.set(CHECKSUMS, sums);
        JSON.writeValue(dir.resolve("model.json").toFile(), manifest);
    }

    /**
     * Adds the checksums to the manifest of each model folder given:
     * {@code java -cp stance4j-cli.jar io.github.stance4j.model.ModelBundle DIR...}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java -cp stance4j-cli.jar io.github.stance4j.model.ModelBundle MODEL_DIR...");
            System.exit(2);
        }
        for (String a : args) {
            writeManifest(Path.of(a));
            System.out.println("checksums written to " + Path.of(a).resolve("model.json"));
        }
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
