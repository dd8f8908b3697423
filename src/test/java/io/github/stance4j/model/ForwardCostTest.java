package io.github.stance4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The forward cost estimate: fed made-up timings, so nothing here depends on the machine. */
class ForwardCostTest {
    private static final double DELTA = 1e-6;

    @Test
    void expect_theFixedPartPlusThePartPerPaddedToken() {
        ForwardCost cost = new ForwardCost(1000, 10);
        assertEquals(1000 + 10 * 32 * 40, cost.expect(32, 40), DELTA);
        assertEquals(1000 + 10 * 7, cost.expect(1, 7), DELTA);
        assertEquals(0, cost.forwards());
    }

    @Test
    void timed_aSmallForward_teachesTheFixedPart() {
        ForwardCost cost = new ForwardCost(1e9, 10);
        cost.timed(4, 16, 5000); // 64 tokens: small
        assertEquals(5000 + 10 * 64, cost.expect(4, 16), DELTA);
        assertEquals(1, cost.forwards());
    }

    @Test
    void timed_aLargeForward_teachesThePartPerToken() {
        ForwardCost cost = new ForwardCost(0, 0);
        cost.timed(16, 128, 2048 * 300); // 2,048 tokens: large
        assertEquals(300 * 1024, cost.expect(8, 128), DELTA);
    }

    @Test
    void timed_theFirstForwardOfItsKindReplacesTheDefault_evenAFasterOne() {
        ForwardCost cost = new ForwardCost(1e9, 1e9);
        cost.timed(1, 10, 400);
        assertEquals(400 + 1e9 * 600, cost.expect(1, 600), DELTA);
        cost.timed(16, 128, 400 + 2048 * 300);
        assertEquals(400 + 300 * 600, cost.expect(1, 600), DELTA);
    }

    @Test
    void timed_aLargeForward_teachesItsTimeBeyondTheFixedPart_soTheSameBatchIsExpectedToTakeWhatItTook() {
        ForwardCost cost = new ForwardCost(0, 0);
        cost.timed(1, 16, 50_000);
        cost.timed(16, 128, 50_000 + 2048 * 300);
        assertEquals(50_000 + 2048 * 300, cost.expect(16, 128), DELTA);
    }

    @Test
    void timed_aSlowerForward_raisesItsPartAtOnce() {
        ForwardCost cost = new ForwardCost(0, 0);
        cost.timed(1, 10, 100);
        cost.timed(1, 10, 400);
        assertEquals(400, cost.expect(1, 0), DELTA);
    }

    @Test
    void timed_fasterForwards_lowerItsPartStepByStep_neverBelowTheirOwn() {
        ForwardCost cost = new ForwardCost(0, 0);
        cost.timed(1, 10, 1000);
        cost.timed(1, 10, 10);
        assertEquals(1000 * ForwardCost.DECAY, cost.expect(1, 0), DELTA);
        for (int i = 0; i < 200; i++) {
            cost.timed(1, 10, 10);
        }
        assertEquals(10, cost.expect(1, 0), DELTA);
    }

    @Test
    void timed_smallForwards_leaveThePartPerTokenAlone() {
        ForwardCost cost = new ForwardCost(0, 300);
        for (int i = 0; i < 100; i++) {
            cost.timed(1, 10, 1);
        }
        assertEquals(1 + 300 * 2048, cost.expect(16, 128), DELTA);
    }

    @Test
    void refused_lowersBothParts_soAnEstimateThatLetsNoBatchRunComesDown() {
        ForwardCost cost = new ForwardCost(1e15, 1e15); // the smallest forward expected to take days
        int refused = 0;
        while (cost.expect(1, 1) > 1e9) {
            cost.refused();
            refused++;
        }
        assertTrue(refused < 1000, refused + " refusals");
        assertEquals(0, cost.forwards());
    }

    @Test
    void parts_negative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ForwardCost(-1, 0));
        assertEquals("the parts must be zero or more, got -1.0 and 0.0", e.getMessage());
    }

    @Test
    void parts_nan() {
        assertThrows(IllegalArgumentException.class, () -> new ForwardCost(0, Double.NaN));
    }
}
