package io.github.stance4j.eval;

import io.github.stance4j.eval.Corpus.SentimentItem;
import io.github.stance4j.eval.Corpus.StanceItem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Counts of a labelled corpus: per stance label, sentiment label, bloc, hard case, explicit/implicit. */
public final class CorpusStats {
    private CorpusStats() {}

    /** A readable report. */
    public static String report(String title, List<StanceItem> stance, List<SentimentItem> sentiment) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s: %d stance items (%d explicit, %d implicit), %d sentiment items%n", title, stance.size(),
                stance.stream().filter(i -> !i.implicit()).count(), stance.stream().filter(StanceItem::implicit).count(), sentiment.size()));
        sb.append(line("  stance", count(stance, i -> i.stance().name())));
        sb.append(line("  sentiment", count(sentiment, i -> i.sentiment().name())));
        sb.append(line("  hard case", count(stance, i -> i.hardCase() == null ? "(none)" : i.hardCase())));
        Map<String, Integer> blocs = count(stance, StanceItem::target);
        sb.append(String.format("  blocs (%d):%n", blocs.size()));
        blocs.forEach((k, v) -> sb.append(String.format("    %-26s %5d%n", k, v)));
        return sb.toString();
    }

    private static <T> Map<String, Integer> count(List<T> items, Function<T, String> key) {
        Map<String, Integer> m = new TreeMap<>();
        for (T t : items) {
            m.merge(key.apply(t), 1, Integer::sum);
        }
        return m;
    }

    private static String line(String title, Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder(title).append(':');
        m.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.append('\n').toString();
    }
}
