package io.github.stance4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.stance4j.ModelLoadException;
import io.github.stance4j.StanceAnalyzer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged, altered, incomplete or foreign model folder fails to load with a message naming the
 * file, before anything is scored. Most cases use a tiny bundle (two tensors) to stay fast.
 */
class ModelBundleTest {
    private static final byte[] VOCAB = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nnato\n".getBytes();

    private static Path tiny(Path dir) throws Exception {
        ModelConfig config = new ModelConfig(ModelConfig.FORMAT, "0.1.0", "test", List.of("CAUTIONARY", "SUPPORTIVE", "NEUTRAL"),
                List.of("NEGATIVE", "NEUTRAL", "POSITIVE"), 16, 1, 4, 1, 8, 5, ModelBundle.sha256(VOCAB), "d", 42, 1.0, 1.0,
                Map.of(), Map.of(), ModelConfig.TARGET_MARKING);
        Map<String, Tensor> w = new LinkedHashMap<>();
        w.put("head.weight", new Tensor("head.weight", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}));
        w.put("head.bias", new Tensor("head.bias", new int[] {3}, new float[] {0, 1, -1}));
        ModelBundle.write(dir, config, w, VOCAB);
        return dir;
    }

    @Test
    void write_storesMatricesAsInt8Rows_onlyForEncodersDeeperThanSix(@TempDir Path tmp) throws Exception {
        float[] values = new float[64 * 64];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i * 0.37) * 0.1f;
        }
        Map<String, Tensor> w = Map.of("m.weight", new Tensor("m.weight", new int[] {64, 64}, values));
        long[] sizes = new long[2];
        int k = 0;
        for (int layers : new int[] {6, 12}) {
            Path dir = tmp.resolve("l" + layers);
            ModelBundle.write(dir, new ModelConfig(ModelConfig.FORMAT, "0.1.0", "test", List.of("CAUTIONARY", "SUPPORTIVE", "NEUTRAL"),
                    List.of("NEGATIVE", "NEUTRAL", "POSITIVE"), 16, layers, 4, 1, 8, 5, ModelBundle.sha256(VOCAB), "d", 42, 1.0, 1.0,
                    Map.of(), Map.of(), ModelConfig.TARGET_MARKING), w, VOCAB);
            sizes[k++] = Files.size(dir.resolve("weights.bin"));
            float[] back = ModelBundle.fromDirectory(dir).weights().get("m.weight").data();
            for (int i = 0; i < values.length; i++) {
                assertEquals(values[i], back[i], layers > 6 ? 0.1 / 127 : 1e-4, layers + " layers, value " + i);
            }
        }
        assertTrue(sizes[1] < sizes[0] * 0.6, "int8 rows (1 byte a value) against float16 (2): " + sizes[1] + " vs " + sizes[0]);
    }

    private static ModelLoadException loadFails(Path dir) {
        return assertThrows(ModelLoadException.class, () -> ModelBundle.fromDirectory(dir));
    }

    private static void assertMentions(ModelLoadException e, String... words) {
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "message should name '" + w + "': " + e.getMessage());
        }
    }

    @Test
    void write_putsChecksumsInTheManifest_andTheBundleLoads(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        ObjectNode manifest = (ObjectNode) ModelBundle.JSON.readTree(dir.resolve("model.json").toFile());
        assertEquals(ModelBundle.sha256(Files.readAllBytes(dir.resolve("weights.bin"))), manifest.path("sha256").path("weights.bin").asText());
        assertEquals(ModelBundle.sha256(VOCAB), manifest.path("sha256").path("vocab.txt").asText());
        assertEquals(2, ModelBundle.fromDirectory(dir).weights().size());
    }

    @Test
    void shippedModelFolder_carriesValidChecksums() throws Exception {
        ModelBundle b = ModelBundle.fromDirectory(Path.of("models"));
        assertEquals(ModelConfig.FORMAT, b.config().format());
        assertEquals(ModelBundle.sha256(Files.readAllBytes(Path.of("models", "weights.bin"))),
                ModelBundle.JSON.readTree(Path.of("models", "model.json").toFile()).path("sha256").path("weights.bin").asText());
    }

    @Test
    void weightsTruncated_namesWeightsBin(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        byte[] w = Files.readAllBytes(dir.resolve("weights.bin"));
        Files.write(dir.resolve("weights.bin"), Arrays.copyOf(w, w.length / 2));
        assertMentions(loadFails(dir), "weights.bin", "damaged or altered");
    }

    @Test
    void weightsAltered_namesWeightsBin(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        byte[] w = Files.readAllBytes(dir.resolve("weights.bin"));
        w[w.length - 3] ^= 0x40;
        Files.write(dir.resolve("weights.bin"), w);
        assertMentions(loadFails(dir), "weights.bin", "damaged or altered");
    }

    @Test
    void vocabAltered_namesVocabTxt(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        Files.writeString(dir.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\nnatO\n");
        assertMentions(loadFails(dir), "vocab.txt", "damaged or altered");
    }

    @Test
    void weightsMissing_saysWhichFile(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        Files.delete(dir.resolve("weights.bin"));
        assertMentions(loadFails(dir), "is missing weights.bin", dir.toString());
    }

    @Test
    void vocabAndManifestMissing_saysBoth(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        Files.delete(dir.resolve("vocab.txt"));
        Files.delete(dir.resolve("model.json"));
        assertMentions(loadFails(dir), "is missing model.json and vocab.txt");
    }

    @Test
    void wrongFolder_saysWhatIsMissing(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "not a model");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> StanceAnalyzer.builder().modelDirectory(tmp).build());
        assertMentions(e, "is missing model.json and weights.bin and vocab.txt");
    }

    @Test
    void manifestOfAnotherFormat_namesModelJson(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        ObjectNode manifest = (ObjectNode) ModelBundle.JSON.readTree(dir.resolve("model.json").toFile());
        manifest.put("format", 2);
        ModelBundle.JSON.writeValue(dir.resolve("model.json").toFile(), manifest);
        assertMentions(loadFails(dir), "model.json", "format 2", "reads format 1");
    }

    @Test
    void manifestNotJson_namesModelJson(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        Files.writeString(dir.resolve("model.json"), "{\"format\": 1, ");
        assertMentions(loadFails(dir), "model.json", "not a valid manifest");
    }

    @Test
    void weightFileOfAnotherVersion_namesWeightsBin(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        byte[] w = Files.readAllBytes(dir.resolve("weights.bin"));
        ByteBuffer.wrap(w).putInt(4, 7); // the version field after the magic
        Files.write(dir.resolve("weights.bin"), w);
        ModelBundle.writeManifest(dir); // checksums of the new file: the version check must still refuse it
        assertMentions(loadFails(dir), "weights.bin", "version 7");
    }

    @Test
    void weightFileWithImpossibleShape_namesWeightsBin(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        byte[] w = Files.readAllBytes(dir.resolve("weights.bin"));
        int at = 12 + 2 + "head.weight".length() + 2; // magic, version, count, UTF name, storage, rank
        ByteBuffer.wrap(w).putInt(at, Integer.MAX_VALUE);
        Files.write(dir.resolve("weights.bin"), w);
        ModelBundle.writeManifest(dir);
        assertMentions(loadFails(dir), "weights.bin", "head.weight");
    }

    @Test
    void manifestWithoutChecksums_isRefused_untilWriteManifestAddsThem(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp);
        ObjectNode manifest = (ObjectNode) ModelBundle.JSON.readTree(dir.resolve("model.json").toFile());
        manifest.remove("sha256");
        ModelBundle.JSON.writeValue(dir.resolve("model.json").toFile(), manifest);
        assertMentions(loadFails(dir), "model.json", "no sha256 checksum", "writeManifest");
        ModelBundle.writeManifest(dir);
        assertEquals(2, ModelBundle.fromDirectory(dir).weights().size());
    }

    @Test
    void weightsWithoutTheNetworksTensors_failToBuild_beforeAnyScoring(@TempDir Path tmp) throws Exception {
        Path dir = tiny(tmp); // checksums fine, but the tensors are not those of the network
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> StanceAnalyzer.builder().modelDirectory(dir).build());
        assertMentions(e, dir.toString(), "weights.bin has no tensor");
    }
}
