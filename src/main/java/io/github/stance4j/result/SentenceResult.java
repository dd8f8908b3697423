package io.github.stance4j.result;

import java.util.List;

/**
 * One sentence of a document: where it is, its sentiment, and its bloc mentions.
 *
 * @param index position of the sentence in the document, from 0
 * @param start offset of the sentence in the document (inclusive)
 * @param end offset of the sentence's end (exclusive)
 * @param text the sentence
 * @param sentiment the sentence's sentiment, with probabilities
 * @param targets the sentence's bloc mentions, left to right; unmodifiable
 */
public record SentenceResult(int index, int start, int end, String text, Prediction<Sentiment> sentiment, List<TargetMention> targets) {
    /** Copies the mentions. */
    public SentenceResult {
        targets = List.copyOf(targets);
    }
}
