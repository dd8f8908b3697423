package io.github.stance4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The imported encoder computes what ONNX Runtime computes on the original graph. */
class ImportParityTest {

    @Test
    void importedEncoder_matchesOnnxRuntime_within1e4() throws Exception {
        byte[] onnx = BaseModel.MINILM_L6.onnxBytes(null);
        Map<String, Tensor> weights = OnnxWeights.load(onnx);
        assertEquals(5 + 6 * 16, weights.size(), "every BERT tensor is named: " + weights.keySet());

        List<String> sentences = List.of(
                "Lavrov warned that NATO's moves in the Asia-Pacific could carry significant security implications.",
                "ASEAN ministers met in Jakarta.",
                "The Shanghai Cooperation Organization, whose members include China and Russia, held a summit on Tuesday in Astana.");
        long[][] ids;
        try (InputStream tj = BaseModel.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json");
             HuggingFaceTokenizer tok = HuggingFaceTokenizer.builder().optTokenizerPath(writeTemp(tj)).optPadding(false).build()) {
            ids = new long[sentences.size()][];
            for (int i = 0; i < ids.length; i++) {
                Encoding e = tok.encode(sentences.get(i));
                ids[i] = e.getIds();
            }
        }
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

        float[] expected;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor tIds = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(flatIds), new long[] {b, len});
             OnnxTensor tMask = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(flatMask), new long[] {b, len});
             OnnxTensor tType = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(new long[b * len]), new long[] {b, len})) {
            Map<String, OnnxTensor> in = new java.util.HashMap<>();
            for (String name : session.getInputNames()) {
                in.put(name, name.contains("mask") ? tMask : name.contains("type") ? tType : tIds);
            }
            try (OrtSession.Result r = session.run(in)) {
                float[][][] out = (float[][][]) r.get(0).getValue();
                expected = new float[b * len * BaseModel.HIDDEN];
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < len; j++) {
                        System.arraycopy(out[i][j], 0, expected, (i * len + j) * BaseModel.HIDDEN, BaseModel.HIDDEN);
                    }
                }
            }
        }

        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            StanceNet net = new StanceNet(BaseModel.VOCAB, BaseModel.HIDDEN, BaseModel.HEADS, BaseModel.FFN, BaseModel.LAYERS, BaseModel.POSITIONS);
            net.load(manager, weights, 1);
            float[] actual;
            try (NDScope scope = new NDScope()) {
                NDArray states = net.encode(manager.create(flatIds, new Shape(b, len)), manager.create(new long[b * len], new Shape(b, len)),
                        manager.create(maskF, new Shape(b, len)), 0f);
                actual = states.toFloatArray();
            }
            net.fuse(manager);
            float[] fused;
            try (NDScope scope = new NDScope()) {
                fused = net.encode(manager.create(flatIds, new Shape(b, len)), manager.create(new long[b * len], new Shape(b, len)),
                        manager.create(maskF, new Shape(b, len)), 0f).toFloatArray();
            }
            double maxDiff = 0;
            double fusedDiff = 0;
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < ids[i].length; j++) { // padding positions are not compared
                    for (int h = 0; h < BaseModel.HIDDEN; h++) {
                        int k = (i * len + j) * BaseModel.HIDDEN + h;
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

    private static java.nio.file.Path writeTemp(InputStream in) throws java.io.IOException {
        java.nio.file.Path p = java.nio.file.Files.createTempFile("tokenizer", ".json");
        java.nio.file.Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        p.toFile().deleteOnExit();
        return p;
    }
}
