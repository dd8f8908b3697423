package io.github.stance4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.stance4j.model.ModelBundle;
import io.github.stance4j.model.ModelConfig;
import io.github.stance4j.model.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soup is the element-wise mean of its ingredients and refuses models that do not fit. */
class ModelSoupTest {
    private static final byte[] VOCAB = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nnato\n".getBytes();

    private static ModelConfig config(String design, int layers) {
        return new ModelConfig(ModelConfig.FORMAT, "0.1.0", "test", List.of("CAUTIONARY", "SUPPORTIVE", "NEUTRAL"),
                List.of("NEGATIVE", "NEUTRAL", "POSITIVE"), 16, layers, 4, 1, 8, 5, ModelBundle.sha256(VOCAB), "d", 42, 1.7, 2.1,
                Map.of("stance.macro_f1", 0.5), Map.of("epochs", 1), design);
    }

    private static Path bundle(Path dir, String design, int layers, float[] matrix, float[] bias) throws Exception {
        Map<String, Tensor> w = new LinkedHashMap<>();
        w.put("head.weight", new Tensor("head.weight", new int[] {2, 3}, matrix));
        w.put("head.bias", new Tensor("head.bias", new int[] {3}, bias));
        ModelBundle.write(dir, config(design, layers), w, VOCAB);
        return dir;
    }

    @Test
    void averagesEveryTensor_andResetsCalibration(@TempDir Path tmp) throws Exception {
        Path a = bundle(tmp.resolve("a"), ModelConfig.TARGET_MARKING, 6, new float[] {1, 2, 3, 4, 5, 6}, new float[] {0, 1, -1});
        Path b = bundle(tmp.resolve("b"), ModelConfig.TARGET_MARKING, 6, new float[] {3, 2, 1, 0, -1, -2}, new float[] {1, 1, 1});
        ModelConfig soup = ModelSoup.mix(List.of(a, b), tmp.resolve("soup"));
        assertEquals(1.0, soup.stanceTemperature());
        assertEquals(List.of(a.toString(), b.toString()), soup.training().get("soup"));
        ModelBundle read = ModelBundle.fromDirectory(tmp.resolve("soup"));
        float[] m = read.weights().get("head.weight").data();
        float[] expected = {2, 2, 2, 2, 2, 2};
        for (int i = 0; i < m.length; i++) {
            assertEquals(expected[i], m[i], 1e-3);
        }
        float[] bias = read.weights().get("head.bias").data();
        assertEquals(0.5f, bias[0], 1e-6);
        assertEquals(1f, bias[1], 1e-6);
        assertEquals(0f, bias[2], 1e-6);
        assertEquals(ModelConfig.TARGET_MARKING, read.config().design());
        assertEquals(Files.readString(a.resolve("vocab.txt")), Files.readString(tmp.resolve("soup").resolve("vocab.txt")));
    }

    @Test
    void refusesModelsThatDoNotFit(@TempDir Path tmp) throws Exception {
        Path a = bundle(tmp.resolve("a"), ModelConfig.TARGET_MARKING, 6, new float[6], new float[3]);
        Path otherDesign = bundle(tmp.resolve("b"), ModelConfig.CROSS_ENCODING, 6, new float[6], new float[3]);
        Path otherLayers = bundle(tmp.resolve("c"), ModelConfig.TARGET_MARKING, 4, new float[6], new float[3]);
        assertThrows(IllegalArgumentException.class, () -> ModelSoup.mix(List.of(a, otherDesign), tmp.resolve("x")));
        assertThrows(IllegalArgumentException.class, () -> ModelSoup.mix(List.of(a, otherLayers), tmp.resolve("y")));
        assertThrows(IllegalArgumentException.class, () -> ModelSoup.mix(List.of(a), tmp.resolve("z")));
    }
}
