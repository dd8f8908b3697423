package io.github.stance4j.cli;

/**
 * Running totals of a scoring job.
 *
 * @param records input records done (documents scored and records with an error)
 * @param sentences sentences scored
 * @param errors records that could not be scored
 */
record Counts(long records, long sentences, long errors) {
    static final Counts ZERO = new Counts(0, 0, 0);

    Counts plus(Counts o) {
        return new Counts(records + o.records, sentences + o.sentences, errors + o.errors);
    }

    Counts minus(Counts o) {
        return new Counts(records - o.records, sentences - o.sentences, errors - o.errors);
    }
}
