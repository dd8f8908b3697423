package io.github.stance4j.eval;

import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.StanceAnalyzer.StanceQuery;
import io.github.stance4j.eval.Corpus.SentimentItem;
import io.github.stance4j.eval.Corpus.StanceItem;
import io.github.stance4j.result.Prediction;
import io.github.stance4j.result.Sentiment;
import io.github.stance4j.result.Stance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores labelled items with an analyzer: each stance item is asked about its own target and
 * mention (the sentence alone, as the analyzer reads it), each sentiment item about its sentence.
 */
public final class Evaluator {
    private Evaluator() {}

    /** A scored item: its gold label, the model's label and the probabilities the model gave. */
    public record Scored(String kind, String id, String text, String target, String gold, String predicted, Map<?, Double> scores) {
        /** Whether the model's label is not the gold one. */
        public boolean wrong() {
            return !gold.equals(predicted);
        }
    }

    /**
     * The figures of one evaluation, any part absent when its items are, and every item scored
     * (stance items first, in input order, then sentiment items).
     */
    public record Report(Metrics stance, Metrics stanceExplicit, Metrics stanceImplicit, Metrics sentiment, List<Scored> scored) {
        /** The misclassified items. */
        public List<Scored> errors() {
            return scored.stream().filter(Scored::wrong).toList();
        }

        /** The figures as nested maps, keys as {@code evaluate --json} prints them. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (stance != null) {
                m.put("stance", stance.toMap());
                m.put("stance_explicit", stanceExplicit.toMap());
                m.put("stance_implicit", stanceImplicit.toMap());
            }
            if (sentiment != null) {
                m.put("sentiment", sentiment.toMap());
            }
            return m;
        }

        /** Flat headline scores: stance.macro_f1, stance_explicit.macro_f1, ... */
        public Map<String, Double> headline() {
            Map<String, Double> m = new LinkedHashMap<>();
            if (stance != null) {
                m.put("stance.macro_f1", Metrics.round(stance.macroF1()));
                m.put("stance_explicit.macro_f1", Metrics.round(stanceExplicit.macroF1()));
                m.put("stance_implicit.macro_f1", Metrics.round(stanceImplicit.macroF1()));
            }
            if (sentiment != null) {
                m.put("sentiment.macro_f1", Metrics.round(sentiment.macroF1()));
            }
            return m;
        }
    }

    /** Evaluates; either list may be empty. */
    public static Report evaluate(StanceAnalyzer analyzer, List<StanceItem> stance, List<SentimentItem> sentiment) {
        List<Scored> scored = new ArrayList<>();
        Metrics all = null;
        Metrics explicit = null;
        Metrics implicit = null;
        if (!stance.isEmpty()) {
            List<StanceQuery> queries = new ArrayList<>();
            for (StanceItem it : stance) {
                queries.add(new StanceQuery(it.text(), it.target(), it.mention()));
            }
            List<Prediction<Stance>> p = analyzer.stances(queries);
            all = metrics(stance, p, null);
            explicit = metrics(stance, p, false);
            implicit = metrics(stance, p, true);
            for (int i = 0; i < stance.size(); i++) {
                StanceItem it = stance.get(i);
                scored.add(new Scored(it.implicit() ? "stance_implicit" : "stance_explicit", it.id(), it.text(), it.target(),
                        it.stance().name(), p.get(i).label().name(), p.get(i).scores()));
            }
        }
        Metrics sent = null;
        if (!sentiment.isEmpty()) {
            List<String> texts = new ArrayList<>();
            for (SentimentItem it : sentiment) {
                texts.add(it.text());
            }
            List<Prediction<Sentiment>> p = analyzer.sentiments(texts);
            int[] gold = new int[p.size()];
            int[] pred = new int[p.size()];
            double[] conf = new double[p.size()];
            for (int i = 0; i < p.size(); i++) {
                gold[i] = sentiment.get(i).sentiment().ordinal();
                pred[i] = p.get(i).label().ordinal();
                conf[i] = p.get(i).probability(p.get(i).label());
                scored.add(new Scored("sentiment", sentiment.get(i).id(), sentiment.get(i).text(), null,
                        sentiment.get(i).sentiment().name(), p.get(i).label().name(), p.get(i).scores()));
            }
            sent = Metrics.of(names(Sentiment.values()), gold, pred, conf);
        }
        return new Report(all, explicit, implicit, sent, scored);
    }

    private static Metrics metrics(List<StanceItem> items, List<Prediction<Stance>> p, Boolean implicit) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (implicit == null || items.get(i).implicit() == implicit) {
                idx.add(i);
            }
        }
        int[] gold = new int[idx.size()];
        int[] pred = new int[idx.size()];
        double[] conf = new double[idx.size()];
        for (int k = 0; k < idx.size(); k++) {
            int i = idx.get(k);
            gold[k] = items.get(i).stance().ordinal();
            pred[k] = p.get(i).label().ordinal();
            conf[k] = p.get(i).probability(p.get(i).label());
        }
        return Metrics.of(names(Stance.values()), gold, pred, conf);
    }

    static String[] names(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].name();
        }
        return out;
    }
}
