package io.github.stance4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 12-layer e5-small-v2 import: every weight named and dequantized, and the imported float
 * encoder computes what ONNX Runtime computes on the int8 graph, up to the graph's own activation
 * quantization (ONNX Runtime quantizes each MatMul's input to uint8 at run time; the import does
 * not), so the comparison is by cosine per token rather than to 1e-4.
 */
class E5ImportParityTest {

    @Test
    void importedE5_namesEveryTensor_andMatchesOnnxRuntimeOnTheInt8Graph() throws Exception {
        byte[] onnx = BaseModel.E5_SMALL_V2.onnxBytes(null);
        Map<String, Tensor> weights = OnnxWeights.load(onnx);
        assertEquals(5 + 12 * 16, weights.size(), "every BERT tensor is named: " + weights.keySet());
        assertArrayEquals(new int[] {384, 1536}, weights.get("encoder.layer.11.intermediate.dense.weight").shape());
        assertArrayEquals(new int[] {1536, 384}, weights.get("encoder.layer.11.output.dense.weight").shape());
        assertArrayEquals(new int[] {BaseModel.VOCAB, 384}, weights.get("embeddings.word_embeddings.weight").shape());

        OnnxParity.Batch x = OnnxParity.batch("e5-small-v2-q-tokenizer.json");
        float[] expected = OnnxParity.onnxRuntime(onnx, x);

        double worst = cosine(weights, x, expected);
        assertTrue(worst > 0.98, "lowest per-token cosine DJL vs ONNX Runtime (int8 graph): " + worst);
        // The comparison can fail: query and key of one layer swapped is far off.
        Map<String, Tensor> swapped = new HashMap<>(weights);
        swapped.put("encoder.layer.5.attention.self.query.weight", weights.get("encoder.layer.5.attention.self.key.weight"));
        swapped.put("encoder.layer.5.attention.self.key.weight", weights.get("encoder.layer.5.attention.self.query.weight"));
        double wrong = cosine(swapped, x, expected);
        assertTrue(wrong < worst - 0.05, "a mis-named weight must show: " + wrong + " vs " + worst);
        System.out.printf("e5 import parity: lowest per-token cosine %.5f (query/key of layer 5 swapped: %.5f)%n", worst, wrong);
    }

    /** The lowest cosine, over the batch's tokens, between the net's hidden states and {@code expected}. */
    private static double cosine(Map<String, Tensor> weights, OnnxParity.Batch x, float[] expected) {
        int h = BaseModel.HIDDEN;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StanceNet net = new StanceNet(BaseModel.VOCAB, h, BaseModel.HEADS, BaseModel.FFN, BaseModel.E5_SMALL_V2.layers(), BaseModel.POSITIONS);
            net.load(manager, weights, 1);
            float[] actual = OnnxParity.encode(net, manager, x);
            double worst = 1;
            for (int i = 0; i < x.b(); i++) {
                for (int j = 0; x.token(i, j); j++) { // padding positions are not compared
                    double dot = 0, na = 0, ne = 0;
                    for (int k = (i * x.len() + j) * h, end = k + h; k < end; k++) {
                        dot += actual[k] * expected[k];
                        na += actual[k] * actual[k];
                        ne += expected[k] * expected[k];
                    }
                    worst = Math.min(worst, dot / Math.sqrt(na * ne));
                }
            }
            return worst;
        }
    }
}
