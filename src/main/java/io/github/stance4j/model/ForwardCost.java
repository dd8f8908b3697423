package io.github.stance4j.model;

/**
 * How long a forward batch is expected to take, learned from the forwards one model has run, so
 * that a time budget can refuse a batch that would end after it. A forward of {@code size}
 * sequences padded to {@code length} tokens is expected to take a fixed part, what a small forward
 * takes, plus a part per padded token. Small forwards (under {@value #LARGE} padded tokens) teach
 * the first; large ones the second, their time beyond the fixed part per padded token. A small
 * forward's time is mostly the cost of any forward and says little about the cost per token (on
 * the busy development machine one of 16 tokens took 36 to 130 ms, one of 2,048 tokens about
 * 0.5 ms a token). On the shipped model the cost per padded token hardly changes with the length,
 * which is at most 130, so attention gets no term of its own.
 *
 * <p>Both parts are conservative: decaying maxima. Each is a default until the first forward of
 * its kind is timed, which replaces it. Then a forward slower than its part says raises that
 * part to its own at once, and every later forward of its kind and every batch refused lowers it
 * by {@code 1 - }{@value #DECAY}: a slow forward counts for less with each forward timed, and an
 * estimate so high that it lets no batch run still comes down.
 *
 * <p>Thread-safe: the forwards of all the threads that share a model feed one estimate (when
 * they run at once, each is slower, and the estimate with them).
 */
final class ForwardCost {
    /** Padded tokens from which a forward is large. */
    static final int LARGE = 512;
    /** What is left of a part after one forward of its kind or one refused batch. */
    static final double DECAY = 0.95;
    /** The fixed part before any small forward: 100 ms. */
    static final double DEFAULT_FIXED_NANOS = 100e6;
    /**
     * The part per token before any large forward: 2 ms, so a full batch 4.2 s. On the busy
     * development machine a padded token took 0.5 to 1.1 ms in a full batch, up to 1.9 ms in a
     * batch of three long sentences.
     */
    static final double DEFAULT_NANOS_PER_TOKEN = 2e6;

    private final Part fixedNanos;
    private final Part nanosPerToken;
    private long forwards;

    /** An estimate that starts at these parts. */
    ForwardCost(double fixedNanos, double nanosPerToken) {
        if (!(fixedNanos >= 0 && nanosPerToken >= 0)) {
            throw new IllegalArgumentException("the parts must be zero or more, got " + fixedNanos + " and " + nanosPerToken);
        }
        this.fixedNanos = new Part(fixedNanos);
        this.nanosPerToken = new Part(nanosPerToken);
    }

    /** The nanoseconds a forward of {@code size} sequences padded to {@code length} tokens is expected to take. */
    synchronized double expect(int size, int length) {
        return fixedNanos.value + nanosPerToken.value * size * length;
    }

    /** Learns from a forward of {@code size} sequences padded to {@code length} tokens that took {@code nanos}. */
    synchronized void timed(int size, int length, long nanos) {
        long tokens = (long) size * length;
        if (tokens < LARGE) {
            fixedNanos.timed(nanos);
        } else {
            nanosPerToken.timed(Math.max(0, nanos - fixedNanos.value) / tokens);
        }
        forwards++;
    }

    /** A batch was not run because it was expected to end too late. */
    synchronized void refused() {
        fixedNanos.value *= DECAY;
        nanosPerToken.value *= DECAY;
    }

    /** How many forwards have been timed. */
    synchronized long forwards() {
        return forwards;
    }

    /** One part: its default until a forward is timed, then a decaying maximum. Guarded by the estimate's lock. */
    private static final class Part {
        double value;
        private boolean timed;

        Part(double value) {
            this.value = value;
        }

        void timed(double sample) {
            value = timed ? Math.max(sample, value * DECAY) : sample;
            timed = true;
        }
    }
}
