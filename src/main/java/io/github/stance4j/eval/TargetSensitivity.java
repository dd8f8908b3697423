package io.github.stance4j.eval;

import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.StanceAnalyzer.StanceQuery;
import io.github.stance4j.eval.Corpus.StanceItem;
import io.github.stance4j.result.Prediction;
import io.github.stance4j.result.Stance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Does the stance follow the target, or only the sentence? Measured on explicit sentences that
 * hold two blocs with different gold stances:
 * <ul>
 *   <li>{@code pair_accuracy}: both targets of a pair predicted right;</li>
 *   <li>{@code differ_rate}: the two predictions differ, as the gold labels do;</li>
 *   <li>{@code swap_follow}: after the two mentions trade places in the sentence, each bloc
 *       takes the stance the other one had (the prediction moves with the words, not the name).</li>
 * </ul>
 * A model that ignores the target scores at most 0 on the first two and cannot follow swaps.
 */
public final class TargetSensitivity {
    private TargetSensitivity() {}

    /** Two items on one sentence with different gold stances. */
    private record Pair(StanceItem a, StanceItem b) {}

    /** The figures, with the number of pairs. */
    public static Map<String, Object> measure(StanceAnalyzer analyzer, List<StanceItem> items) {
        List<Pair> pairs = pairs(items);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pairs", pairs.size());
        if (pairs.isEmpty()) {
            return out;
        }
        List<StanceQuery> q = new ArrayList<>();
        for (Pair p : pairs) {
            q.add(new StanceQuery(p.a().text(), p.a().target(), p.a().mention()));
            q.add(new StanceQuery(p.b().text(), p.b().target(), p.b().mention()));
            String swapped = swap(p.a().text(), p.a().mention(), p.b().mention());
            q.add(new StanceQuery(swapped, p.a().target(), p.a().mention()));
            q.add(new StanceQuery(swapped, p.b().target(), p.b().mention()));
        }
        List<Prediction<Stance>> r = analyzer.stances(q);
        int right = 0;
        int differ = 0;
        int follow = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Stance a = r.get(4 * i).label();
            Stance b = r.get(4 * i + 1).label();
            Stance swappedA = r.get(4 * i + 2).label();
            Stance swappedB = r.get(4 * i + 3).label();
            right += a == pairs.get(i).a().stance() && b == pairs.get(i).b().stance() ? 1 : 0;
            differ += a != b ? 1 : 0;
            follow += swappedA == pairs.get(i).b().stance() && swappedB == pairs.get(i).a().stance() ? 1 : 0;
        }
        out.put("pair_accuracy", Metrics.round((double) right / pairs.size()));
        out.put("differ_rate", Metrics.round((double) differ / pairs.size()));
        out.put("swap_follow", Metrics.round((double) follow / pairs.size()));
        return out;
    }

    private static List<Pair> pairs(List<StanceItem> items) {
        Map<String, List<StanceItem>> byText = new LinkedHashMap<>();
        for (StanceItem it : items) {
            if (!it.implicit() && it.mention() != null && it.text().contains(it.mention())) {
                byText.computeIfAbsent(it.text(), k -> new ArrayList<>()).add(it);
            }
        }
        List<Pair> out = new ArrayList<>();
        for (List<StanceItem> group : byText.values()) {
            if (group.size() == 2 && group.get(0).stance() != group.get(1).stance() && !group.get(0).target().equals(group.get(1).target())
                    && !group.get(0).mention().contains(group.get(1).mention()) && !group.get(1).mention().contains(group.get(0).mention())) {
                out.add(new Pair(group.get(0), group.get(1)));
            }
        }
        return out;
    }

    /** The text with the first occurrences of {@code x} and {@code y} exchanged. */
    static String swap(String text, String x, String y) {
        int i = text.indexOf(x);
        int j = text.indexOf(y);
        if (i < 0 || j < 0) {
            return text;
        }
        if (i < j) {
            return text.substring(0, i) + y + text.substring(i + x.length(), j) + x + text.substring(j + y.length());
        }
        return text.substring(0, j) + x + text.substring(j + y.length(), i) + y + text.substring(i + x.length());
    }
}
