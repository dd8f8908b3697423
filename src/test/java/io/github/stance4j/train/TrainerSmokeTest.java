package io.github.stance4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.model.ModelBundle;
import io.github.stance4j.result.DocumentResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny, seeded training run: it learns, writes a loadable bundle, and repeats exactly. */
class TrainerSmokeTest {

    private static Trainer.Options tiny(Path out) {
        return new Trainer.Options(List.of(Path.of("training-data", "train"), Path.of("training-data", "newsmtsc")),
                Path.of("training-data", "dev"), out, null, 1, 8, 5e-5, 1e-3, 1, 0, false, 48, 64, 7, 7,
                io.github.stance4j.model.ModelConfig.MARKER_TOKENS, 0.5);
    }

    @Test
    void tinyRun_writesLoadableBundle_andIsReproducible(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, Double> scores = new Trainer(tiny(dir.resolve("a")), new PrintStream(log, true)).train();
        assertTrue(scores.containsKey("stance.macro_f1") && scores.containsKey("sentiment.macro_f1"), scores.toString());
        assertTrue(log.toString().contains("epoch 1: train loss"), log.toString());
        Path best = dir.resolve("a").resolve("best");
        ModelBundle bundle = ModelBundle.fromDirectory(best);
        assertEquals(1, bundle.config().layers());
        assertEquals(7, bundle.config().seed());
        assertEquals(64, bundle.config().trainingDataSha256().length());
        try (StanceAnalyzer a = StanceAnalyzer.builder().modelDirectory(best).build()) {
            DocumentResult r = a.analyze("NATO warned Moscow. ASEAN met.");
            assertEquals(2, r.sentences().size());
        }
        new Trainer(tiny(dir.resolve("b")), new PrintStream(new ByteArrayOutputStream(), true)).train();
        // Same seed, same data order, same initialisation: the weights agree up to the order of
        // PyTorch's multi-threaded float reductions (embedding gradients), i.e. to about 1e-3.
        Map<String, io.github.stance4j.model.Tensor> a = bundle.weights();
        Map<String, io.github.stance4j.model.Tensor> b = ModelBundle.fromDirectory(dir.resolve("b").resolve("best")).weights();
        assertEquals(a.keySet(), b.keySet());
        double maxDiff = 0;
        for (String name : a.keySet()) {
            float[] x = a.get(name).data();
            float[] y = b.get(name).data();
            for (int i = 0; i < x.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(x[i] - y[i]));
            }
        }
        assertTrue(maxDiff < 5e-3, "same seed, same weights: max difference " + maxDiff);
        ModelBundle fresh = ModelBundle.fromDirectory(Path.of("models"));
        double changed = 0;
        float[] trained = a.get("encoder.layer.0.attention.self.query.weight").data();
        float[] base = io.github.stance4j.model.BaseModel.MINILM_L6.weights(null).get("encoder.layer.0.attention.self.query.weight").data();
        for (int i = 0; i < trained.length; i++) {
            changed = Math.max(changed, Math.abs(trained[i] - base[i]));
        }
        assertTrue(changed > 1e-4, "training moved the encoder weights: " + changed + " (shipped model " + fresh.config().version() + ")");
    }

    @Test
    void soupWithGivenTemperatures_keepsThem_andScoresDev(@TempDir Path dir) throws Exception {
        new Trainer(tiny(dir.resolve("a")), new PrintStream(new ByteArrayOutputStream(), true)).train();
        String best = dir.resolve("a").resolve("best").toString();
        Path soup = dir.resolve("soup");
        assertEquals(0, io.github.stance4j.cli.Main.run("soup", "--out", soup.toString(), "--dev", "training-data/dev",
                "--temperatures", "1.3,1.55", best, best));
        ModelBundle b = ModelBundle.fromDirectory(soup);
        assertEquals(1.3, b.config().stanceTemperature());
        assertEquals(1.55, b.config().sentimentTemperature());
        assertTrue(b.config().dev().containsKey("stance.macro_f1") && b.config().dev().containsKey("stance.ece"),
                b.config().dev().toString());
    }

    @Test
    void baseFolder_startsFromThatModel_headsIncluded(@TempDir Path dir) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        new Trainer(tiny(dir.resolve("a")), quiet).train();
        Path start = dir.resolve("a").resolve("best");
        Trainer.Options o = tiny(dir.resolve("b"));
        Trainer.Options still = new Trainer.Options(o.trainDirs(), o.devDir(), o.outDir(), start, 1, o.batchSize(), 0, 0, o.layers(),
                0, false, o.limit(), o.maxLength(), o.seed(), o.orderSeed(), o.design(), o.pairLoss());
        new Trainer(still, quiet).train();
        ModelBundle b = ModelBundle.fromDirectory(dir.resolve("b").resolve("best"));
        Map<String, io.github.stance4j.model.Tensor> before = ModelBundle.fromDirectory(start).weights();
        for (String name : before.keySet()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(before.get(name).data(), b.weights().get(name).data(),
                    "learning rate 0 from " + start + " keeps " + name);
        }
        assertEquals(start.toString(), b.config().training().get("startedFrom"));
        Trainer.Options other = new Trainer.Options(o.trainDirs(), o.devDir(), dir.resolve("c"), start, 1, o.batchSize(), 0, 0,
                o.layers(), 0, false, o.limit(), o.maxLength(), o.seed(), o.orderSeed(), io.github.stance4j.model.ModelConfig.TARGET_MARKING,
                o.pairLoss());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Trainer(other, quiet).train());
        assertTrue(e.getMessage().contains("marker-tokens"), e.getMessage());
    }

    @Test
    void teachers_scoreEveryExample_andAreRecorded(@TempDir Path dir) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        new Trainer(tiny(dir.resolve("a")), quiet).train();
        Path teacher = dir.resolve("a").resolve("best");
        Trainer.Options o = tiny(dir.resolve("b"));
        Trainer.Options taught = new Trainer.Options(o.trainDirs(), o.devDir(), o.outDir(), null, 1, o.batchSize(), o.learningRate(),
                o.headLearningRate(), o.layers(), 0, false, o.limit(), o.maxLength(), o.seed(), o.orderSeed(), o.design(), o.pairLoss(),
                o.encoder(), List.of(teacher, teacher), 0.5);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Trainer(taught, new PrintStream(log, true)).train();
        assertTrue(log.toString().contains("teacher " + teacher + ": "), log.toString());
        Map<String, Object> training = ModelBundle.fromDirectory(dir.resolve("b").resolve("best")).config().training();
        assertEquals(List.of(teacher.toString(), teacher.toString()), training.get("teachers"));
        assertEquals(0.5, training.get("distillation"));
        Trainer.Options deeper = new Trainer.Options(o.trainDirs(), o.devDir(), dir.resolve("c"), null, 1, o.batchSize(), o.learningRate(),
                o.headLearningRate(), 2, 0, false, o.limit(), o.maxLength(), o.seed(), o.orderSeed(), o.design(), o.pairLoss(),
                o.encoder(), List.of(teacher), 0.5);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Trainer(deeper, quiet).train());
        assertTrue(e.getMessage().contains("teacher"), e.getMessage());
    }
}
