package io.github.stance4j.result;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A label with the probability of every label (calibrated; they sum to 1).
 *
 * <pre>{@code
 * Prediction<Stance> p = mention.stance();
 * if (p.label() == Stance.CAUTIONARY && p.probability(Stance.CAUTIONARY) > 0.8) { ... }
 * }</pre>
 *
 * @param <L> {@link Stance} or {@link Sentiment}
 * @param label the most probable label
 * @param scores probability per label, in the enum's order; unmodifiable
 */
public record Prediction<L extends Enum<L>>(L label, Map<L, Double> scores) {
    /** Validates and copies the scores. */
    public Prediction {
        if (label == null || scores == null || !scores.containsKey(label)) {
            throw new IllegalArgumentException("prediction needs a label among its scores: " + label + " " + scores);
        }
        scores = Collections.unmodifiableMap(new EnumMap<>(scores));
    }

    /** The prediction whose label is the most probable of {@code probabilities}, given in {@code type}'s order. */
    public static <L extends Enum<L>> Prediction<L> of(Class<L> type, float[] probabilities) {
        L[] labels = type.getEnumConstants();
        if (probabilities.length != labels.length) {
            throw new IllegalArgumentException("expected " + labels.length + " probabilities, got " + probabilities.length);
        }
        EnumMap<L, Double> map = new EnumMap<>(type);
        int best = 0;
        for (int i = 0; i < labels.length; i++) {
            map.put(labels[i], (double) probabilities[i]);
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Prediction<>(labels[best], map);
    }

    /** The probability of {@code l}. */
    public double probability(L l) {
        return scores.get(l);
    }
}
