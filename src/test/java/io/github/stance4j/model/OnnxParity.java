package io.github.stance4j.model;

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

/**
 * What the import parity tests share: sentences tokenized by HuggingFace, padded into one batch,
 * run through ONNX Runtime on the original graph and through an imported {@link StanceNet}.
 */
final class OnnxParity {
    /** The sentences both parity tests compare on. */
    static final List<String> SENTENCES = List.of(
            "Lavrov warned that NATO's moves in the Asia-Pacific could carry significant security implications.",
            "ASEAN ministers met in Jakarta.",
            "The Shanghai Cooperation Organization, whose members include China and Russia, held a summit on Tuesday in Astana.");

    private OnnxParity() {}

    /** One padded batch: each sentence's ids, and ids, mask (as longs and floats) flattened to [b, len]. */
    record Batch(long[][] ids, int b, int len, long[] flatIds, long[] flatMask, float[] maskF) {
        /** Whether position {@code j} of sentence {@code i} is a token (not padding). */
        boolean token(int i, int j) {
            return j < ids[i].length;
        }
    }

    /** {@link #SENTENCES} tokenized with the tokenizer.json that is the classpath resource {@code tokenizerJson}. */
    static Batch batch(String tokenizerJson) throws Exception {
        Path p = Files.createTempFile("tokenizer", ".json");
        p.toFile().deleteOnExit();
        try (InputStream in = OnnxParity.class.getClassLoader().getResourceAsStream(tokenizerJson)) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        long[][] ids = new long[SENTENCES.size()][];
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.builder().optTokenizerPath(p).optPadding(false).build()) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = tok.encode(SENTENCES.get(i)).getIds();
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
        return new Batch(ids, b, len, flatIds, flatMask, maskF);
    }

    /** ONNX Runtime's {@code last_hidden_state} for the batch on the graph {@code onnx}, flattened to [b, len, hidden]. */
    static float[] onnxRuntime(byte[] onnx, Batch x) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(x.flatIds()), new long[] {x.b(), x.len()});
             OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(x.flatMask()), new long[] {x.b(), x.len()});
             OnnxTensor tType = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[x.b() * x.len()]), new long[] {x.b(), x.len()})) {
            Map<String, OnnxTensor> in = new HashMap<>();
            for (String name : session.getInputNames()) {
                in.put(name, name.contains("mask") ? tMask : name.contains("type") ? tType : tIds);
            }
            try (OrtSession.Result r = session.run(in)) {
                float[][][] out = (float[][][]) r.get(0).getValue();
                float[] flat = new float[x.b() * x.len() * BaseModel.HIDDEN];
                for (int i = 0; i < x.b(); i++) {
                    for (int j = 0; j < x.len(); j++) {
                        System.arraycopy(out[i][j], 0, flat, (i * x.len() + j) * BaseModel.HIDDEN, BaseModel.HIDDEN);
                    }
                }
                return flat;
            }
        }
    }

    /** The net's last hidden states for the batch, flattened as {@link #onnxRuntime}'s. */
    static float[] encode(StanceNet net, NDManager manager, Batch x) {
        try (NDScope scope = new NDScope()) {
            Shape shape = new Shape(x.b(), x.len());
            return net.encode(manager.create(x.flatIds(), shape), manager.create(new long[x.b() * x.len()], shape),
                    manager.create(x.maskF(), shape), 0f).toFloatArray();
        }
    }
}
