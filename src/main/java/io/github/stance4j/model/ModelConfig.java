package io.github.stance4j.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The manifest of a model bundle ({@code model.json}): what the weights are, how they were made,
 * and how well they scored. Internal.
 *
 * @param format bundle format version; the loader refuses other versions
 * @param version model version
 * @param baseModel the pretrained encoder the model was fine-tuned from, with its licence
 * @param stanceLabels stance labels in head order
 * @param sentimentLabels sentiment labels in head order
 * @param maxLength maximum tokens per sentence, special tokens included
 * @param layers encoder layers
 * @param hidden hidden size
 * @param heads attention heads
 * @param ffn feed-forward size
 * @param vocabSize vocabulary size
 * @param vocabSha256 hash of vocab.txt
 * @param trainingDataSha256 hash of the training files, in name order
 * @param seed training seed
 * @param stanceTemperature temperature applied to stance logits (fitted on dev)
 * @param sentimentTemperature temperature applied to sentiment logits (fitted on dev)
 * @param dev dev-set scores printed by the trainer (keys as evaluate --json prints them)
 * @param training training settings (epochs, learning rate, ...)
 * @param design how stance reads its target: {@code mention-pooling} (one forward per sentence,
 *     stance from the mention's pooled tokens), {@code target-marking} (the mention's tokens
 *     carry segment id 1, one forward per target, stance from the pooled mention),
 *     {@code marker-tokens} (the mention wrapped in the marker tokens [unused0] and [unused1],
 *     one forward per target, stance from the pooled markers and mention) or
 *     {@code cross-encoding} (one forward per target, the target's name as a second segment).
 *     In both marking designs a target whose words are not in the sentence is read from its
 *     name, given as a second segment, so the prediction still depends on the target.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelConfig(int format, String version, String baseModel, List<String> stanceLabels, List<String> sentimentLabels,
                          int maxLength, int layers, int hidden, int heads, int ffn, int vocabSize, String vocabSha256,
                          String trainingDataSha256, long seed, double stanceTemperature, double sentimentTemperature,
                          Map<String, Double> dev, Map<String, Object> training, String design) {
    /** Mention pooling: the default design. */
    public static final String MENTION_POOLING = "mention-pooling";
    /** Mention tokens marked with segment id 1, one forward per target. */
    public static final String TARGET_MARKING = "target-marking";
    /** Target-in-input cross-encoding. */
    public static final String CROSS_ENCODING = "cross-encoding";
    /** The mention wrapped in marker tokens, one forward per target. */
    public static final String MARKER_TOKENS = "marker-tokens";
    /** Every design, in the order the trainer documents them. */
    public static final List<String> DESIGNS = List.of(TARGET_MARKING, MARKER_TOKENS, CROSS_ENCODING, MENTION_POOLING);

    /** Whether each target gets a forward of its own with its mention marked (by segment id or marker tokens). */
    public boolean targetMarking() {
        return marking(design);
    }

    /** Whether a design asks about each target in a forward of its own with the mention marked. */
    public static boolean marking(String design) {
        return TARGET_MARKING.equals(design) || MARKER_TOKENS.equals(design);
    }

    /** Whether the mention is marked by the tokens [unused0] ... [unused1] rather than by segment id. */
    public boolean markerTokens() {
        return MARKER_TOKENS.equals(design);
    }

    /** Whether the target's name is fed as a second segment. */
    public boolean crossEncoding() {
        return CROSS_ENCODING.equals(design);
    }

    /** The same manifest with other temperatures and dev scores. */
    public ModelConfig withCalibration(double stanceT, double sentimentT, Map<String, Double> scores) {
        return new ModelConfig(format, version, baseModel, stanceLabels, sentimentLabels, maxLength, layers, hidden, heads, ffn,
                vocabSize, vocabSha256, trainingDataSha256, seed, stanceT, sentimentT, scores, training, design);
    }

    /** The same manifest with other training settings. */
    public ModelConfig withTraining(Map<String, Object> newTraining) {
        return new ModelConfig(format, version, baseModel, stanceLabels, sentimentLabels, maxLength, layers, hidden, heads, ffn,
                vocabSize, vocabSha256, trainingDataSha256, seed, stanceTemperature, sentimentTemperature, dev, newTraining, design);
    }

    /** The bundle format this library reads and writes. */
    public static final int FORMAT = 1;
}
