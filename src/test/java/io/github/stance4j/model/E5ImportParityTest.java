package io.github.stance4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 12-layer e5-small-v2 import: every weight named and dequantized, and the imported float
 * encoder computes what ONNX Runtime computes on the int8 graph, up to the graph's own activation
 * quantization (ONNX Runtime quantizes each MatMul's input to uint8 at run time; the import does
 * not), so the comparison is by cosine per token rather than to 1e-4.
 */
class E5ImportParityTest {
    private static final List<String> SENTENCES = List.of(
            "Lavrov warned that NATO's moves in the Asia-Pacific could carry significant security implications.",
            "ASEAN ministers met in Jakarta.",
            "The Shanghai Cooperation Organization, whose members include China and Russia, held a summit on Tuesday in Astana.");

    @Test
    void importedE5_namesEveryTensor_andMatchesOnnxRuntimeOnTheInt8Graph() throws Exception {
        byte[] onnx = BaseModel.E5_SMALL_V2.onnxBytes(null);
        Map<String, Tensor> weights = OnnxWeights.load(onnx);
        assertEquals(5 + 12 * 16, weights.size(), "every BERT tensor is named: " + weights.keySet());
        assertArrayEquals(new int[] {384, 1536}, weights.get("encoder.layer.11.intermediate.dense.weight").shape());
        assertArrayEquals(new int[] {1536, 384}, weights.get("encoder.layer.11.output.dense.weight").shape());
        assertArrayEquals(new int[] {BaseModel.VOCAB, 384}, weights.get("embeddings.word_embeddings.weight").shape());

        long[][] ids = tokenize();
        int b = ids.length;
        int len = 0;
        for (long[] row : ids) {
            len = Math.max(len, row.length);
        }
        long[] flatIds = new long[b * len];
        long[] flatMask = new long[b * len];
        float[] maskF = new float[b * len];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < ids[i].length; j++) {
                flatIds[i * len + j] = ids[i][j];
                flatMask[i * len + j] = 1;
                maskF[i * len + j] = 1f;
            }
        }
        float[] expected = onnxRuntime(onnx, flatIds, flatMask, b, len);

        double worst = cosine(weights, flatIds, maskF, ids, expected, b, len);
        assertTrue(worst > 0.98, "lowest per-token cosine DJL vs ONNX Runtime (int8 graph): " + worst);
        // The comparison can fail: query and key of one layer swapped is far off.
        Map<String, Tensor> swapped = new HashMap<>(weights);
        swapped.put("encoder.layer.5.attention.self.query.weight", weights.get("encoder.layer.5.attention.self.key.weight"));
        swapped.put("encoder.layer.5.attention.self.key.weight", weights.get("encoder.layer.5.attention.self.query.weight"));
        double wrong = cosine(swapped, flatIds, maskF, ids, expected, b, len);
        assertTrue(wrong < worst - 0.05, "a mis-named weight must show: " + wrong + " vs " + worst);
        System.out.printf("e5 import parity: lowest per-token cosine %.5f (query/key of layer 5 swapped: %.5f)%n", worst, wrong);
    }

    private static double cosine(Map<String, Tensor> weights, long[] flatIds, float[] maskF, long[][] ids, float[] expected, int b, int len) {
        int h = BaseModel.HIDDEN;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StanceNet net = new StanceNet(BaseModel.VOCAB, h, BaseModel.HEADS, BaseModel.FFN, 12, BaseModel.POSITIONS);
            net.load(manager, weights, 1);
            float[] actual;
            try (NDScope scope = new NDScope()) {
                actual = net.encode(manager.create(flatIds, new Shape(b, len)), manager.create(new long[b * len], new Shape(b, len)),
                        manager.create(maskF, new Shape(b, len)), 0f).toFloatArray();
            }
            double worst = 1;
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < ids[i].length; j++) { // padding positions are not compared
                    double dot = 0, na = 0, ne = 0;
                    for (int k = (i * len + j) * h, end = k + h; k < end; k++) {
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

    private static float[] onnxRuntime(byte[] onnx, long[] flatIds, long[] flatMask, int b, int len) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(flatIds), new long[] {b, len});
             OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(flatMask), new long[] {b, len});
             OnnxTensor tType = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * len]), new long[] {b, len})) {
            Map<String, OnnxTensor> in = new HashMap<>();
            for (String name : session.getInputNames()) {
                in.put(name, name.contains("mask") ? tMask : name.contains("type") ? tType : tIds);
            }
            try (OrtSession.Result r = session.run(in)) {
                float[][][] out = (float[][][]) r.get(0).getValue();
                float[] flat = new float[b * len * BaseModel.HIDDEN];
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < len; j++) {
                        System.arraycopy(out[i][j], 0, flat, (i * len + j) * BaseModel.HIDDEN, BaseModel.HIDDEN);
                    }
                }
                return flat;
            }
        }
    }

    private static long[][] tokenize() throws Exception {
        Path p = Files.createTempFile("e5-tokenizer", ".json");
        p.toFile().deleteOnExit();
        try (InputStream in = BaseModel.class.getClassLoader().getResourceAsStream("e5-small-v2-q-tokenizer.json")) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.builder().optTokenizerPath(p).optPadding(false).build()) {
            long[][] ids = new long[SENTENCES.size()][];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = tok.encode(SENTENCES.get(i)).getIds();
            }
            return ids;
        }
    }
}
