package io.github.stance4j.model;

/**
 * The time each group of one call (each document, or the whole call as one group) has spent,
 * against one budget: work is charged to the group it was done for, and a group that has spent
 * more than the budget, or was stopped because its next piece of work is expected to pass the
 * budget, is out. {@link StanceModel#predict(java.util.List, int[], TimeAccounts)} charges each
 * forward batch to the groups of its items and leaves out the items of groups that are out.
 * Internal; used by one call on one thread.
 */
public final class TimeAccounts {
    private final long budget;
    private final long[] spent;
    private final boolean[] stopped;

    /**
     * {@code groups} groups with nothing spent, each with {@code budgetNanos} nanoseconds
     * ({@link Long#MAX_VALUE}: no budget).
     */
    public TimeAccounts(int groups, long budgetNanos) {
        if (budgetNanos <= 0) {
            throw new IllegalArgumentException("budgetNanos must be positive, got " + budgetNanos);
        }
        this.budget = budgetNanos;
        this.spent = new long[groups];
        this.stopped = new boolean[groups];
    }

    /** Adds {@code nanos} of work to what {@code group} has spent. */
    public void charge(int group, long nanos) {
        spent[group] += nanos;
    }

    /** The nanoseconds {@code group} may still spend; negative once it is out. */
    public long left(int group) {
        return budget - spent[group];
    }

    /** Puts {@code group} out now, before it has spent its budget. */
    public void stop(int group) {
        stopped[group] = true;
    }

    /** Whether {@code group} has spent more than the budget, or was stopped. */
    public boolean isOut(int group) {
        return stopped[group] || spent[group] > budget;
    }
}
