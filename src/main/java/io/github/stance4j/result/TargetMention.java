package io.github.stance4j.result;

/**
 * One mention of a bloc in a sentence and the sentence's stance toward that bloc.
 *
 * @param target the bloc's canonical name ("NATO")
 * @param mention the words in the text ("NATO’s", "the alliance")
 * @param start offset of the mention in the document (UTF-16 index, inclusive)
 * @param end offset of the mention's end in the document (exclusive)
 * @param implicit true when the mention does not name the bloc and was resolved from context
 * @param stance the stance toward the bloc, with probabilities
 */
public record TargetMention(String target, String mention, int start, int end, boolean implicit, Prediction<Stance> stance) {}
