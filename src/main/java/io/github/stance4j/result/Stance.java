package io.github.stance4j.result;

/** The stance a sentence takes toward a bloc, as defined in the annotation guideline. */
public enum Stance {
    /** Warns about, criticises, opposes or expresses concern about the bloc or what it does. */
    CAUTIONARY,
    /** Endorses, welcomes, praises or defends the bloc, or calls to join or strengthen it. */
    SUPPORTIVE,
    /** Reports facts about the bloc without judging it, or the bloc is only place, actor or bystander. */
    NEUTRAL
}
