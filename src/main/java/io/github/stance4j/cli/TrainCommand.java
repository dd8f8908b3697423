package io.github.stance4j.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.stance4j.ModelLoadException;
import io.github.stance4j.model.BaseModel;
import io.github.stance4j.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: fine-tunes the model from the imported base encoder, seeded and reproducible. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fine-tune a pretrained encoder (all-MiniLM-L6-v2 by default) on training-data/ and write a model bundle; prints progress and dev scores per epoch.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--train", paramLabel = "DIR", description = "Training folder; repeat to train on several"
            + " (default: training-data/train, training-data/real/train, training-data/newsmtsc).")
    List<Path> train = new ArrayList<>();
    @Option(names = "--dev", defaultValue = "training-data/real/dev", description = "Dev folder, which chooses the epoch and fits the"
            + " temperatures (default: ${DEFAULT-VALUE}, real text).")
    Path dev;
    @Option(names = "--out", defaultValue = "target/train", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--base", paramLabel = "FILE", description = "all-minilm-l6-v2.onnx or the langchain4j jar holding it (default: classpath, then ~/.m2),"
            + " or a model folder to go on fine-tuning (same design and layers; its heads are kept).")
    Path base;
    @Option(names = "--epochs", defaultValue = "2") int epochs;
    @Option(names = "--batch", defaultValue = "16") int batch;
    @Option(names = "--lr", defaultValue = "6e-5") double lr;
    @Option(names = "--head-lr", defaultValue = "1e-3") double headLr;
    @Option(names = "--encoder", description = "Pretrained encoder to start from: all-minilm-l6-v2 (6 layers, default)"
            + " or e5-small-v2 (12 layers, int8 weights dequantized); when --base names a model folder, that model's.") String encoder;
    @Option(names = "--layers", defaultValue = "0", description = "Encoder layers to keep (default: all of the encoder's,"
            + " or of the model folder --base names).") int layers;
    @Option(names = "--freeze", defaultValue = "0", description = "Lower encoder layers to freeze, with the embeddings.") int freeze;
    @Option(names = "--augment", description = "Also train on the augmentation file(s).") boolean augment;
    @Option(names = "--limit", defaultValue = "0", description = "Train on at most this many sentences (0: all).") int limit;
    @Option(names = "--max-length", defaultValue = "128") int maxLength;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the head initialisation and dropout (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--order-seed", description = "Seed of the example order (default: --seed). Runs that differ only here start"
            + " from the same weights, so `soup` can average them.")
    Long orderSeed;
    @Option(names = "--design", defaultValue = "marker-tokens",
            description = "How stance reads its target: marker-tokens (default), target-marking (segment ids), cross-encoding or mention-pooling.")
    String design;
    @Option(names = "--pair-loss", defaultValue = "0.5", description = "Weight of the contrastive term over targets of one sentence"
            + " with different gold stances (default: ${DEFAULT-VALUE}).")
    double pairLoss;
    @Option(names = "--teacher", paramLabel = "DIR", description = "Model folder (same design and layers) whose probabilities,"
            + " averaged over every --teacher given, soften the gold labels: self-distillation.")
    List<Path> teachers = new ArrayList<>();
    @Option(names = "--distill", defaultValue = "0.5", description = "Weight of the teachers' probabilities in the training target"
            + " (the gold label has the rest; default: ${DEFAULT-VALUE}, used only with --teacher).")
    double distill;
    @Option(names = "--install", description = "Copy the result into models/ if it beats the shipped model on the dev set.")
    boolean install;

    @Override
    public Integer call() throws IOException, ModelLoadException {
        if (train.isEmpty()) {
            train = List.of(Path.of("training-data/train"), Path.of("training-data/real/train"), Path.of("training-data/newsmtsc"));
        }
        List<Path> folders = new ArrayList<>(train);
        folders.add(dev);
        for (Path p : folders) {
            if (!Files.isDirectory(p)) {
                throw new CliException("training data folder not found: " + p, 2);
            }
        }
        for (Path p : teachers) {
            if (!Files.isRegularFile(p.resolve("model.json"))) {
                throw new CliException("teacher model folder not found (no model.json): " + p, 2);
            }
        }
        Trainer.Options options;
        try {
            JsonNode from = continued();
            BaseModel start = encoder != null ? BaseModel.byId(encoder)
                    : from != null ? BaseModel.describedBy(from.path("baseModel").asText()) : BaseModel.MINILM_L6;
            int depth = layers != 0 ? layers : from != null ? from.path("layers").asInt(start.layers()) : start.layers();
            options = new Trainer.Options(train, dev, out, base, epochs, batch, lr, headLr, depth, freeze,
                    augment, limit, maxLength, seed, orderSeed == null ? seed : orderSeed, design, pairLoss, start, teachers, distill);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        }
        Map<String, Double> scores;
        try {
            scores = new Trainer(options, System.out).train();
        } catch (IllegalArgumentException e) { // a --base model that does not fit the run's design or layers
            throw new CliException(e.getMessage(), 2);
        }
        if (install) {
            Path shipped = Path.of("models", "model.json");
            double old = Files.exists(shipped) ? Trainer.devScore(ScoreCommand.JSON.convertValue(
                    ScoreCommand.JSON.readTree(shipped.toFile()).path("dev"), new TypeReference<Map<String, Double>>() {})) : -1;
            double now = Trainer.devScore(scores);
            if (now > old) {
                for (String f : new String[] {"model.json", "weights.bin", "vocab.txt"}) {
                    Files.copy(out.resolve("best").resolve(f), Path.of("models", f), StandardCopyOption.REPLACE_EXISTING);
                }
                System.out.printf("installed into models/: dev score %.4f beats %.4f%n", now, old);
            } else {
                System.out.printf("not installed: dev score %.4f does not beat the shipped %.4f%n", now, old);
            }
        }
        return 0;
    }

    /** The manifest of the model folder {@code --base} names, or null if it names base weights. */
    private JsonNode continued() throws IOException {
        Path config = base == null ? null : base.resolve("model.json");
        return config != null && Files.isRegularFile(config) ? ScoreCommand.JSON.readTree(config.toFile()) : null;
    }
}
