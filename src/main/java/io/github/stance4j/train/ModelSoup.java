package io.github.stance4j.train;

import io.github.stance4j.ModelLoadException;
import io.github.stance4j.model.ModelBundle;
import io.github.stance4j.model.ModelConfig;
import io.github.stance4j.model.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A uniform model soup: the element-wise mean of the weights of several fine-tuned models that
 * share a design, a shape and a vocabulary (runs fine-tuned from the same base, or epochs of one
 * run). One model's inference cost, often better than any of its ingredients.
 */
public final class ModelSoup {
    private ModelSoup() {}

    /**
     * Averages the bundles in {@code ingredients} and writes the soup to {@code out} with
     * temperatures reset to 1 (calibrate it afterwards).
     *
     * @throws IllegalArgumentException if the bundles do not fit together
     */
    public static ModelConfig mix(List<Path> ingredients, Path out) throws IOException, ModelLoadException {
        if (ingredients.size() < 2) {
            throw new IllegalArgumentException("a soup needs at least two models");
        }
        ModelBundle first = ModelBundle.fromDirectory(ingredients.get(0));
        ModelConfig c = first.config();
        Map<String, float[]> sum = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        first.weights().forEach((name, t) -> {
            sum.put(name, t.data().clone());
            shapes.put(name, t.shape());
        });
        List<String> sources = new ArrayList<>(List.of(ingredients.get(0).toString()));
        for (Path dir : ingredients.subList(1, ingredients.size())) {
            ModelBundle b = ModelBundle.fromDirectory(dir);
            ModelConfig o = b.config();
            if (!c.design().equals(o.design()) || c.layers() != o.layers() || !c.vocabSha256().equals(o.vocabSha256())) {
                throw new IllegalArgumentException(dir + " does not fit " + ingredients.get(0) + " (design, layers or vocabulary differ)");
            }
            if (!b.weights().keySet().equals(sum.keySet())) {
                throw new IllegalArgumentException(dir + " holds other tensors than " + ingredients.get(0));
            }
            for (Tensor t : b.weights().values()) {
                if (!Arrays.equals(t.shape(), shapes.get(t.name()))) {
                    throw new IllegalArgumentException(dir + ": tensor " + t.name() + " has another shape");
                }
                float[] acc = sum.get(t.name());
                float[] v = t.data();
                for (int i = 0; i < v.length; i++) {
                    acc[i] += v[i];
                }
            }
            sources.add(dir.toString());
        }
        Map<String, Tensor> mean = new LinkedHashMap<>();
        float n = ingredients.size();
        sum.forEach((name, acc) -> {
            for (int i = 0; i < acc.length; i++) {
                acc[i] /= n;
            }
            mean.put(name, new Tensor(name, shapes.get(name), acc));
        });
        Map<String, Object> training = new LinkedHashMap<>(c.training());
        training.put("soup", sources);
        ModelConfig soup = c.withTraining(training).withCalibration(1.0, 1.0, Map.of());
        ModelBundle.write(out, soup, mean, Files.readAllBytes(ingredients.get(0).resolve("vocab.txt")));
        return soup;
    }
}
