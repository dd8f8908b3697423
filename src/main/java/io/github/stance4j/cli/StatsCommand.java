package io.github.stance4j.cli;

import io.github.stance4j.eval.Corpus;
import io.github.stance4j.eval.CorpusStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stats}: counts of the labelled corpus per label, bloc and hard case. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Print counts of the training and dev data per label, bloc and hard case.")
final class StatsCommand implements Callable<Integer> {
    @Option(names = "--train", defaultValue = "training-data/train") Path train;
    @Option(names = "--dev", defaultValue = "training-data/dev") Path dev;

    @Override
    public Integer call() {
        try {
            System.out.print(CorpusStats.report("train (" + train + ")", Corpus.stance(train), Corpus.sentiment(train)));
            System.out.print(CorpusStats.report("dev (" + dev + ")", Corpus.stance(dev), Corpus.sentiment(dev)));
        } catch (IOException e) {
            throw new CliException(e.getMessage(), 2);
        }
        return 0;
    }
}
