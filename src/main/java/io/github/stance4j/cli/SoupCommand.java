package io.github.stance4j.cli;

import io.github.stance4j.ModelLoadException;
import io.github.stance4j.train.ModelSoup;
import io.github.stance4j.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code soup}: average the weights of several trained models, then calibrate (or take given temperatures) and score the mean on dev. */
@Command(name = "soup", mixinStandardHelpOptions = true,
        description = "Average the weights of trained models of one design (a model soup), calibrate it (or keep --temperatures)"
                + " and score it on dev.")
final class SoupCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "MODEL_DIR", description = "Model folders (model.json, weights.bin, vocab.txt).")
    List<Path> models;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--dev", defaultValue = "training-data/real/dev", description = "Dev folder (default: training-data/real/dev).")
    Path dev;

    @Option(names = "--temperatures", split = ",", paramLabel = "STANCE,SENTIMENT", hideParamSyntax = true,
            description = "Keep these temperatures instead of fitting them on dev (for models trained on the dev split;"
                    + " the dev scores printed are then in sample).")
    double[] temperatures;

    @Override
    public Integer call() throws IOException, ModelLoadException {
        for (Path p : models) {
            if (!Files.isRegularFile(p.resolve("model.json"))) {
                throw new CliException("not a model folder: " + p, 2);
            }
        }
        if (!Files.isDirectory(dev)) {
            throw new CliException("dev folder not found: " + dev, 2);
        }
        try {
            Trainer.checkTemperatures(temperatures);
            ModelSoup.mix(models, out);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        }
        Map<String, Double> scores = Trainer.calibrate(out, dev, temperatures, System.out);
        System.out.printf("soup of %d models: %s, written to %s%n", models.size(), scores, out);
        return 0;
    }
}
