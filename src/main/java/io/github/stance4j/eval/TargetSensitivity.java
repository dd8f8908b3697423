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
 * Does the stance follow the target, or only the sentence? Measured on pairs of explicit targets
 * of one sentence (every pair of a sentence with two or more targets):
 * <ul>
 *   <li>{@code pairs}: pairs whose gold stances differ; on them
 *   <li>{@code pair_accuracy}: both targets of a pair predicted right;</li>
 *   <li>{@code differ_rate}: the two predictions differ, as the gold labels do;</li>
 *   <li>{@code swap_follow}: after the two mentions trade places in the sentence, each target
 *       takes the stance the other one had (the prediction moves with the words, not the name);</li>
 *   <li>{@code agreeing_pairs} and {@code differ_rate_agreeing}: pairs whose gold stances agree,
 *       and how often the predictions differ on them anyway (a model that reads the target
 *       differs far more often where the gold labels differ).</li>
 * </ul>
 * A model that ignores the target scores at most 0 on the first two and cannot follow swaps.
 */
public final class TargetSensitivity {
    private TargetSensitivity() {}

    /** Two items on one sentence with different gold stances. */
    private record Pair(StanceItem a, StanceItem b) {}

    /** The figures, with the number of pairs. */
    public static Map<String, Object> measure(StanceAnalyzer analyzer, List<StanceItem> items) {
        List<Pair> pairs = pairs(items, false);
        List<Pair> agreeing = pairs(items, true);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pairs", pairs.size());
        if (!pairs.isEmpty()) {
            List<StanceQuery> q = new ArrayList<>();
            for (Pair p : pairs) {
                q.add(query(p.a(), p.a().text()));
                q.add(query(p.b(), p.b().text()));
                String swapped = swap(p.a().text(), p.a().mention(), p.b().mention());
                q.add(query(p.a(), swapped));
                q.add(query(p.b(), swapped));
            }
            List<Prediction<Stance>> r = analyzer.stances(q);
            int right = 0;
            int differ = 0;
            int follow = 0;
            for (int i = 0; i < pairs.size(); i++) {
                Stance a = r.get(4 * i).label();
                Stance b = r.get(4 * i + 1).label();
                right += a == pairs.get(i).a().stance() && b == pairs.get(i).b().stance() ? 1 : 0;
                differ += a != b ? 1 : 0;
                follow += r.get(4 * i + 2).label() == pairs.get(i).b().stance() && r.get(4 * i + 3).label() == pairs.get(i).a().stance() ? 1 : 0;
            }
            out.put("pair_accuracy", Metrics.round((double) right / pairs.size()));
            out.put("differ_rate", Metrics.round((double) differ / pairs.size()));
            out.put("swap_follow", Metrics.round((double) follow / pairs.size()));
        }
        out.put("agreeing_pairs", agreeing.size());
        if (!agreeing.isEmpty()) {
            List<StanceQuery> q = new ArrayList<>();
            for (Pair p : agreeing) {
                q.add(query(p.a(), p.a().text()));
                q.add(query(p.b(), p.b().text()));
            }
            List<Prediction<Stance>> r = analyzer.stances(q);
            int differ = 0;
            for (int i = 0; i < agreeing.size(); i++) {
                differ += r.get(2 * i).label() != r.get(2 * i + 1).label() ? 1 : 0;
            }
            out.put("differ_rate_agreeing", Metrics.round((double) differ / agreeing.size()));
        }
        return out;
    }

    private static StanceQuery query(StanceItem it, String text) {
        return new StanceQuery(text, it.target(), it.mention());
    }

    /** Every pair of explicit items on one sentence with distinct targets and mentions, whose gold stances agree or differ. */
    private static List<Pair> pairs(List<StanceItem> items, boolean agree) {
        Map<String, List<StanceItem>> byText = new LinkedHashMap<>();
        for (StanceItem it : items) {
            if (!it.implicit() && it.mention() != null && it.text().contains(it.mention())) {
                byText.computeIfAbsent(it.text(), k -> new ArrayList<>()).add(it);
            }
        }
        List<Pair> out = new ArrayList<>();
        for (List<StanceItem> group : byText.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    StanceItem a = group.get(i);
                    StanceItem b = group.get(j);
                    if ((a.stance() == b.stance()) == agree && !a.target().equals(b.target()) && !a.mention().contains(b.mention())
                            && !b.mention().contains(a.mention())) {
                        out.add(new Pair(a, b));
                    }
                }
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
