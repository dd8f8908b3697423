package io.github.stance4j.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peer encoder: the original all-MiniLM-L6-v2 ONNX graph in ONNX Runtime (intra-op threads
 * {@link Bench#THREADS}, optimisation level ALL_OPT), fed by {@link HfTokenizer}. Sentences go in
 * corpus order, {@link Bench#BATCH} at a time, each batch padded to its longest sentence; inputs
 * are {@code input_ids}, {@code attention_mask} and {@code token_type_ids} (int64) and the
 * output read back is {@code last_hidden_state}, copied to the Java heap as a user must.
 *
 * <p>Not thread-safe (one caller at a time, as the benchmarks use it); owns the session and the
 * tokenizer, freed by {@link #close()}.
 */
final class OrtEncoder implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final HfTokenizer tokenizer;
    private final OrtSession session;
    private final String idsName;
    private final String maskName;
    private final String typeName;
    private final Set<String> output;

    OrtEncoder() throws IOException, OrtException {
        this(Bench.ONNX_MODEL);
    }

    /** On the ONNX graph of that classpath resource (a BERT encoder with the same vocabulary). */
    OrtEncoder(String graph) throws IOException, OrtException {
        tokenizer = new HfTokenizer();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Bench.THREADS);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(Bench.resource(graph), options);
        }
        Set<String> inputs = session.getInputNames();
        idsName = require(inputs, "input_ids");
        maskName = require(inputs, "attention_mask");
        typeName = inputs.contains("token_type_ids") ? "token_type_ids" : null;
        String out = session.getOutputNames().contains("last_hidden_state") ? "last_hidden_state"
                : session.getOutputNames().iterator().next();
        output = Set.of(out);
    }

    private static String require(Set<String> names, String name) {
        if (!names.contains(name)) {
            throw new IllegalStateException("the ONNX graph has no input " + name + ": " + names);
        }
        return name;
    }

    /**
     * Encodes every sentence, {@link Bench#BATCH} at a time in the given order; returns a
     * checksum of the outputs so that no work can be optimised away.
     */
    long encode(List<String> sentences) throws OrtException {
        long sink = 0;
        for (int from = 0; from < sentences.size(); from += Bench.BATCH) {
            sink += encodeBatch(sentences.subList(from, Math.min(from + Bench.BATCH, sentences.size())));
        }
        return sink;
    }

    private long encodeBatch(List<String> batch) throws OrtException {
        int n = batch.size();
        long[][] rows = new long[n][];
        int len = 1;
        for (int i = 0; i < n; i++) {
            rows[i] = tokenizer.ids(batch.get(i));
            len = Math.max(len, rows[i].length);
        }
        long[] ids = new long[n * len];
        long[] mask = new long[n * len];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, ids, i * len, rows[i].length);
            java.util.Arrays.fill(mask, i * len, i * len + rows[i].length, 1L);
        }
        long[] shape = {n, len};
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            in.put(idsName, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            in.put(maskName, OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeName != null) {
                in.put(typeName, OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * len]), shape));
            }
            try (OrtSession.Result result = session.run(in, output)) {
                OnnxValue v = result.get(0);
                FloatBuffer states = ((OnnxTensor) v).getFloatBuffer();
                return states.remaining() + Float.floatToRawIntBits(states.get(states.remaining() - 1));
            }
        } finally {
            for (OnnxTensor t : in.values()) {
                t.close();
            }
        }
    }

    /** The tokenizer feeding the encoder. */
    HfTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session", e);
        } finally {
            tokenizer.close();
        }
    }
}
