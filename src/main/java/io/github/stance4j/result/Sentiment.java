package io.github.stance4j.result;

/** The polarity of a sentence's own language, whatever its targets. */
public enum Sentiment {
    /** Negative language: warnings, threats, failures, condemnation. */
    NEGATIVE,
    /** Factual or balanced language. */
    NEUTRAL,
    /** Positive language: praise, breakthroughs, welcome. */
    POSITIVE
}
