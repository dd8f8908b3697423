package io.github.stance4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training target with teachers: gold and teacher probabilities mixed by the distillation weight. */
class DistillationLossTest {
    private static final float[] LOGITS = {2, 0, -1, 0.5f, 0.5f, 0};

    private static double loss(int[] gold, List<float[]> teacher, double w) {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            return Trainer.crossEntropy(m, m.create(LOGITS, new Shape(2, 3)), gold, teacher, w).getFloat();
        }
    }

    /** log-softmax of row r of LOGITS, by hand. */
    private static double logp(int r, int c) {
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            sum += Math.exp(LOGITS[3 * r + j]);
        }
        return LOGITS[3 * r + c] - Math.log(sum);
    }

    @Test
    void withoutTeacher_isTheGoldLabelsNegativeLogLikelihood() {
        double expected = -(logp(0, 0) + logp(1, 2)) / 2;
        assertEquals(expected, loss(new int[] {0, 2}, Arrays.asList(null, null), 0.5), 1e-5);
    }

    @Test
    void teacherProbabilities_softenTheTarget_byTheWeight() {
        float[] t = {0.2f, 0.5f, 0.3f};
        // row 0: target 0.5 * one-hot(0) + 0.5 * t = (0.6, 0.25, 0.15); row 1 has no gold label and counts for nothing
        double expected = -(0.6 * logp(0, 0) + 0.25 * logp(0, 1) + 0.15 * logp(0, 2));
        assertEquals(expected, loss(new int[] {0, -1}, Arrays.asList(t, t), 0.5), 1e-5);
        // weight 0: the teacher is ignored; weight 1: the teacher alone
        assertEquals(-logp(0, 0), loss(new int[] {0, -1}, Arrays.asList(t, null), 0), 1e-5);
        assertEquals(-(0.2 * logp(0, 0) + 0.5 * logp(0, 1) + 0.3 * logp(0, 2)), loss(new int[] {0, -1}, Arrays.asList(t, null), 1), 1e-5);
    }
}
