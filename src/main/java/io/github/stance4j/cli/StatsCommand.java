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
    @Option(names = "--real", defaultValue = "training-data/real", description = "Real annotated text: its train, dev and test splits.")
    Path real;
    @Option(names = "--newsmtsc", defaultValue = "training-data/newsmtsc") Path newsmtsc;

    @Override
    public Integer call() {
        try {
            java.util.List<Corpus.StanceItem> all = Corpus.stance(train);
            java.util.List<Corpus.StanceItem> augmented = all.stream().filter(i -> i.id() != null && i.id().startsWith("aug")).toList();
            java.util.List<Corpus.StanceItem> written = all.stream().filter(i -> i.id() == null || !i.id().startsWith("aug")).toList();
            System.out.print(CorpusStats.report("train (" + train + ", without augmentation)", written, Corpus.sentiment(train)));
            System.out.print(CorpusStats.report("augmentation (" + train + "/stance-augment.jsonl, used with train --augment)", augmented,
                    java.util.List.of()));
            System.out.print(CorpusStats.report("dev (" + dev + ")", Corpus.stance(dev), Corpus.sentiment(dev)));
            for (String split : java.util.List.of("train", "dev", "test")) {
                Path dir = real.resolve(split);
                if (java.nio.file.Files.isDirectory(dir)) {
                    System.out.print(CorpusStats.report("real " + split + " (" + dir + ")", Corpus.stance(dir), Corpus.sentiment(dir)));
                }
            }
            if (java.nio.file.Files.isDirectory(newsmtsc)) {
                // its targets are people, thousands of them: the label counts only
                java.util.List<Corpus.StanceItem> items = Corpus.stance(newsmtsc);
                System.out.printf("NewsMTSC (%s, auxiliary): %d (sentence, target) items, %d sentences%n  stance: %s%n", newsmtsc, items.size(),
                        items.stream().map(Corpus.StanceItem::text).distinct().count(), new java.util.TreeMap<>(items.stream().collect(
                                java.util.stream.Collectors.groupingBy(i -> i.stance().name(), java.util.stream.Collectors.counting()))));
            }
        } catch (IOException e) {
            throw new CliException(e.getMessage(), 2);
        }
        return 0;
    }
}
