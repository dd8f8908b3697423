package io.github.stance4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The imported encoder computes what ONNX Runtime computes on the original graph. */
class ImportParityTest {

    @Test
    void importedEncoder_matchesOnnxRuntime_within1e4() throws Exception {
        byte[] onnx = BaseModel.MINILM_L6.onnxBytes(null);
        Map<String, Tensor> weights = OnnxWeights.load(onnx);
        assertEquals(5 + 6 * 16, weights.size(), "every BERT tensor is named: " + weights.keySet());

        OnnxParity.Batch x = OnnxParity.batch("all-minilm-l6-v2-tokenizer.json");
        float[] expected = OnnxParity.onnxRuntime(onnx, x);

        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StanceNet net = new StanceNet(BaseModel.VOCAB, BaseModel.HIDDEN, BaseModel.HEADS, BaseModel.FFN, BaseModel.MINILM_L6.layers(),
                    BaseModel.POSITIONS);
            net.load(manager, weights, 1);
            float[] actual = OnnxParity.encode(net, manager, x);
            net.fuse(manager);
            float[] fused = OnnxParity.encode(net, manager, x);
            double maxDiff = 0;
            double fusedDiff = 0;
            for (int i = 0; i < x.b(); i++) {
                for (int j = 0; x.token(i, j); j++) { // padding positions are not compared
                    for (int h = 0; h < BaseModel.HIDDEN; h++) {
                        int k = (i * x.len() + j) * BaseModel.HIDDEN + h;
                        maxDiff = Math.max(maxDiff, Math.abs(actual[k] - expected[k]));
                        fusedDiff = Math.max(fusedDiff, Math.abs(fused[k] - expected[k]));
                    }
                }
            }
            assertTrue(maxDiff < 1e-4, "max |DJL - ONNX Runtime| = " + maxDiff);
            assertTrue(fusedDiff < 1e-4, "fused query/key/value path: max |DJL - ONNX Runtime| = " + fusedDiff);
            System.out.printf("import parity: max |DJL - ONNX Runtime| = %.2e (fused path %.2e)%n", maxDiff, fusedDiff);
        }
    }
}
