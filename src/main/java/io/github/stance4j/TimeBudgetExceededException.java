package io.github.stance4j;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * An analysis ran out of the time budget its caller gave it
 * ({@link StanceAnalyzer#analyze(String, java.time.Duration)}): the work stopped at its next check
 * after the budget ran out, or before a model batch that was expected to end after it (see there
 * for how early or late that can be), and nothing is returned. The message names the budget and
 * nothing that varies between runs:
 * {@code took longer than the 60 s time budget}. Splitters, gazetteers and tokenizers given a
 * check also stop with whatever it throws, this exception when the check is a time budget's.
 */
public final class TimeBudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Duration budget;

    /** For a call that ran out of {@code budget}. */
    public TimeBudgetExceededException(Duration budget) {
        super("took longer than the " + seconds(budget) + " s time budget");
        this.budget = budget;
    }

    /** The budget the call was given. */
    public Duration budget() {
        return budget;
    }

    /** A duration in seconds as a plain decimal without trailing zeros: 60, 0.5, 0.001. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros().toPlainString();
    }
}
