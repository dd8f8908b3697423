package io.github.stance4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contrastive term: zero when each target of a sentence is told apart, the margin when the model reads only the sentence. */
class PairLossTest {
    private static float loss(float[] logits, int[] gold, List<Integer> groups) {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray l = m.create(logits, new Shape(gold.length, 3));
            NDArray out = Trainer.pairLoss(m, l, gold, groups);
            return out == null ? Float.NaN : out.getFloat();
        }
    }

    @Test
    void sameAnswerForBothTargets_costsTheMargin() {
        // two targets of one sentence, gold CAUTIONARY and SUPPORTIVE, identical predictions
        assertEquals(1f, loss(new float[] {1, 1, 1, 1, 1, 1}, new int[] {0, 1}, List.of(7, 7)), 1e-5);
    }

    @Test
    void targetsToldApart_costNothing() {
        assertEquals(0f, loss(new float[] {5, 0, 0, 0, 5, 0}, new int[] {0, 1}, List.of(7, 7)), 1e-5);
    }

    @Test
    void agreeingTargetsOrOtherSentences_giveNoPair() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray l = m.zeros(new Shape(3, 3));
            assertNull(Trainer.pairLoss(m, l, new int[] {0, 0, 1}, List.of(1, 1, 2)));
        }
    }
}
