package io.github.stance4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch expected to end after a group's budget is not run for it: the group runs out before the
 * batch. The estimates are injected and hours long, so no test depends on the machine's speed:
 * the real forwards here take well under a minute.
 */
class StanceModelDeadlineTest {
    private static final long HOUR = Duration.ofHours(1).toNanos();
    private static ModelBundle bundle;

    @BeforeAll
    static void load() throws Exception {
        bundle = ModelBundle.embedded();
    }

    /** "NATO met." (7 tokens with its markers: the shortest), then "NATO vote i passed." for i in [0, n). */
    private static List<StanceModel.Input> inputs(int n) {
        List<StanceModel.Input> out = new ArrayList<>();
        out.add(new StanceModel.Input("NATO met.", List.of(new int[] {0, 4}), List.of("NATO")));
        for (int i = 0; i < n; i++) {
            out.add(new StanceModel.Input("NATO vote " + i + " passed.", List.of(new int[] {0, 4}), List.of("NATO")));
        }
        return out;
    }

    private static List<StanceModel.Plan> plans(StanceModel model, List<StanceModel.Input> inputs) {
        return inputs.stream().map(model::plan).toList();
    }

    @Test
    void batchExpectedToPassTheBudget_theGroupRunsOutBeforeIt_noForwardRuns() {
        ForwardCost cost = new ForwardCost(2 * HOUR, 0); // any forward: over an hour
        try (StanceModel model = new StanceModel(bundle, cost)) {
            List<StanceModel.Plan> plans = plans(model, inputs(4 * StanceModel.BATCH));
            TimeAccounts accounts = new TimeAccounts(1, HOUR);

            List<StanceModel.Output> out = model.predict(plans, new int[plans.size()], accounts);

            assertTrue(accounts.isOut(0));
            assertTrue(out.stream().allMatch(Objects::isNull));
            assertEquals(0, cost.forwards());
        }
    }

    @Test
    void tinyEstimate_theBatchesRun_outputsThoseWithoutABudget() {
        ForwardCost cost = new ForwardCost(0, 0);
        try (StanceModel model = new StanceModel(bundle, cost)) {
            List<StanceModel.Input> inputs = inputs(2 * StanceModel.BATCH);
            TimeAccounts accounts = new TimeAccounts(1, HOUR);

            List<StanceModel.Output> out = model.predict(plans(model, inputs), new int[inputs.size()], accounts);

            assertFalse(accounts.isOut(0));
            assertEquals(3, cost.forwards(), "65 sentences: batches of 32, 32 and 1");
            assertSameOutputs(model.predict(inputs), out);
        }
    }

    /**
     * Group 0 has one sentence, the shortest, in the first batch; group 1 the other 40. The first
     * batch (32 sentences of 7 to 20 tokens) is expected to take an hour a padded token: 224 to 640
     * hours, of which group 0's share, one 32nd, is 7 to 20 hours; group 0 has
     * {@code groupZeroLeft} of a 10,000-hour budget left, group 1 all of it.
     */
    private static List<StanceModel.Output> shareOfTheFirstBatch(long groupZeroLeft, TimeAccounts accounts, List<StanceModel.Input> inputs) {
        ForwardCost cost = new ForwardCost(0, HOUR);
        try (StanceModel model = new StanceModel(bundle, cost)) {
            int[] group = new int[inputs.size()];
            Arrays.fill(group, 1, group.length, 1);
            accounts.charge(0, 10_000 * HOUR - groupZeroLeft);
            return model.predict(plans(model, inputs), group, accounts);
        }
    }

    @Test
    void shareOfTheBatchOverWhatIsLeft_thatGroupRunsOutBeforeIt_theOtherIsScored() {
        TimeAccounts accounts = new TimeAccounts(2, 10_000 * HOUR);

        List<StanceModel.Output> out = shareOfTheFirstBatch(5 * HOUR, accounts, inputs(40));

        assertTrue(accounts.isOut(0));
        assertNull(out.get(0));
        assertFalse(accounts.isOut(1));
        assertTrue(out.subList(1, out.size()).stream().allMatch(Objects::nonNull));
    }

    @Test
    void shareOfTheBatchWithinWhatIsLeft_bothScored_asWithoutABudget() {
        TimeAccounts accounts = new TimeAccounts(2, 10_000 * HOUR);
        List<StanceModel.Input> inputs = inputs(40);

        List<StanceModel.Output> out = shareOfTheFirstBatch(40 * HOUR, accounts, inputs);

        assertFalse(accounts.isOut(0));
        assertFalse(accounts.isOut(1));
        try (StanceModel model = new StanceModel(bundle)) {
            assertSameOutputs(model.predict(inputs), out);
        }
    }

    private static void assertSameOutputs(List<StanceModel.Output> expected, List<StanceModel.Output> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertNotNull(actual.get(i), "output " + i);
            assertArrayEquals(expected.get(i).sentiment(), actual.get(i).sentiment(), "sentiment " + i);
            assertTrue(Arrays.deepEquals(expected.get(i).stance(), actual.get(i).stance()), "stance " + i);
        }
    }
}
