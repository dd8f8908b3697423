package io.github.stance4j.result;

/**
 * A document's overall stance toward one bloc, aggregated over its mentions: explicit mentions
 * weigh more than implicit ones, and confident predictions more than unsure ones.
 *
 * @param target the bloc's canonical name
 * @param stance the aggregated stance and its probabilities
 * @param mentions how many mentions (explicit and implicit) the document has
 * @param explicitMentions how many of them name the bloc
 */
public record BlocSummary(String target, Prediction<Stance> stance, int mentions, int explicitMentions) {}
