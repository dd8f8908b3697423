package io.github.stance4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The network: a BERT encoder (all-MiniLM-L6-v2 shape) with two heads, as a DJL block on the
 * PyTorch engine. Internal.
 *
 * <p>Sentiment reads the mean-pooled sentence. Stance reads, per target mention, the mean of the
 * mention's token states beside the pooled sentence, so one forward serves every target of a
 * sentence and the prediction follows the target it is asked about.
 *
 * <p>Matrices are {@code [in, out]}. The block is not thread-safe for training; for inference its
 * parameters are only read, so concurrent forwards are safe.
 */
public final class StanceNet extends AbstractBlock {
    /** Stance and sentiment class count. */
    public static final int CLASSES = 3;
    private final int hidden;
    private final int heads;
    private final int layers;
    private final Map<String, Parameter> params = new LinkedHashMap<>();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    /** Per layer, query, key and value weights side by side ([H, 3H]) and their biases, for inference. */
    private NDArray[] fusedQkv;
    private NDArray[] fusedQkvBias;

    /** Creates an uninitialised network of the given shape. */
    public StanceNet(int vocab, int hidden, int heads, int ffn, int layers, int maxPositions) {
        this.hidden = hidden;
        this.heads = heads;
        this.layers = layers;
        add("embeddings.word_embeddings.weight", vocab, hidden);
        add("embeddings.position_embeddings.weight", maxPositions, hidden);
        add("embeddings.token_type_embeddings.weight", 2, hidden);
        add("embeddings.LayerNorm.weight", hidden);
        add("embeddings.LayerNorm.bias", hidden);
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            for (String m : new String[] {"attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"}) {
                add(p + m + ".weight", hidden, hidden);
                add(p + m + ".bias", hidden);
            }
            add(p + "attention.output.LayerNorm.weight", hidden);
            add(p + "attention.output.LayerNorm.bias", hidden);
            add(p + "intermediate.dense.weight", hidden, ffn);
            add(p + "intermediate.dense.bias", ffn);
            add(p + "output.dense.weight", ffn, hidden);
            add(p + "output.dense.bias", hidden);
            add(p + "output.LayerNorm.weight", hidden);
            add(p + "output.LayerNorm.bias", hidden);
        }
        add("head.sentiment.weight", hidden, CLASSES);
        add("head.sentiment.bias", CLASSES);
        add("head.stance.dense.weight", 2 * hidden, hidden);
        add("head.stance.dense.bias", hidden);
        add("head.stance.out.weight", hidden, CLASSES);
        add("head.stance.out.bias", CLASSES);
    }

    private void add(String name, int... shape) {
        params.put(name, addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build()));
        shapes.put(name, new Shape(toLong(shape)));
    }

    private static long[] toLong(int[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i];
        }
        return r;
    }

    /** Number of encoder layers. */
    public int layers() {
        return layers;
    }

    /** Parameter names in order. */
    public Iterable<String> parameterNames() {
        return params.keySet();
    }

    /** The parameter of that name. */
    public Parameter parameter(String name) {
        Parameter p = params.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return p;
    }

    /**
     * Sets every parameter from {@code tensors}; parameters missing there (the heads, when
     * starting from a base encoder) are drawn from a seeded normal distribution with std 0.02, or
     * set to zero for biases, and the LayerNorm gains to one.
     */
    public void load(NDManager manager, Map<String, Tensor> tensors, long seed) {
        Random random = new Random(seed);
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            Shape shape = shapes.get(e.getKey());
            float[] data;
            if (t != null) {
                if (!shape.equals(new Shape(toLong(t.shape())))) {
                    throw new IllegalArgumentException("tensor " + t.name() + " has shape " + new Shape(toLong(t.shape())) + ", the network expects " + shape);
                }
                data = t.data();
            } else {
                data = new float[(int) shape.size()];
                if (e.getKey().endsWith("LayerNorm.weight")) {
                    java.util.Arrays.fill(data, 1f);
                } else if (!e.getKey().endsWith("bias")) {
                    for (int i = 0; i < data.length; i++) {
                        data[i] = (float) (random.nextGaussian() * 0.02);
                    }
                }
            }
            NDArray array = manager.create(data, shape);
            if (e.getValue().isInitialized()) {
                e.getValue().getArray().close();
            }
            e.getValue().setArray(array);
        }
    }

    /**
     * Prepares the inference fast path: one [H, 3H] matrix multiply per layer for query, key and
     * value instead of three. Call after {@link #load}; training does not use it.
     */
    public void fuse(NDManager manager) {
        fusedQkv = new NDArray[layers];
        fusedQkvBias = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".attention.self.";
            fusedQkv[l] = w(p + "query.weight").concat(w(p + "key.weight"), 1).concat(w(p + "value.weight"), 1);
            fusedQkvBias[l] = w(p + "query.bias").concat(w(p + "key.bias"), 0).concat(w(p + "value.bias"), 0);
            fusedQkv[l].attach(manager);
            fusedQkvBias[l].attach(manager);
        }
    }

    /** Copies every parameter to heap tensors. */
    public Map<String, Tensor> export() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NDArray a = e.getValue().getArray();
            out.put(e.getKey(), new Tensor(e.getKey(), toInt(a.getShape().getShape()), a.toFloatArray()));
        }
        return out;
    }

    private static int[] toInt(long[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (int) a[i];
        }
        return r;
    }

    private NDArray w(String name) {
        return params.get(name).getArray();
    }

    /**
     * Runs the encoder.
     *
     * @param ids token ids, int64 {@code [B, L]}
     * @param typeIds segment ids, int64 {@code [B, L]}
     * @param mask 1 for real tokens, 0 for padding, float32 {@code [B, L]}
     * @param dropout dropout rate, 0 for inference
     * @return last hidden states {@code [B, L, H]}
     */
    public NDArray encode(NDArray ids, NDArray typeIds, NDArray mask, float dropout) {
        long b = ids.getShape().get(0);
        long len = ids.getShape().get(1);
        NDManager m = ids.getManager();
        NDArray positions = m.arange(0, (int) len, 1, DataType.INT64);
        NDArray x = Embedding.embedding(ids, w("embeddings.word_embeddings.weight"), SparseFormat.DENSE).singletonOrThrow()
                .add(Embedding.embedding(positions, w("embeddings.position_embeddings.weight"), SparseFormat.DENSE).singletonOrThrow())
                .add(Embedding.embedding(typeIds, w("embeddings.token_type_embeddings.weight"), SparseFormat.DENSE).singletonOrThrow());
        x = norm(x, "embeddings.LayerNorm");
        x = drop(x, dropout);
        // additive mask: 0 where attended, -1e4 on padding; shape [B, 1, 1, L]
        NDArray bias = mask.sub(1f).mul(10000f).reshape(b, 1, 1, len);
        int dh = hidden / heads;
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            NDArray q;
            NDArray k;
            NDArray v;
            if (fusedQkv != null && dropout == 0) {
                NDList qkv = x.matMul(fusedQkv[l]).add(fusedQkvBias[l]).split(3, 2);
                q = split(qkv.get(0), b, len, dh);
                k = split(qkv.get(1), b, len, dh);
                v = split(qkv.get(2), b, len, dh);
            } else {
                q = split(dense(x, p + "attention.self.query"), b, len, dh);
                k = split(dense(x, p + "attention.self.key"), b, len, dh);
                v = split(dense(x, p + "attention.self.value"), b, len, dh);
            }
            NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1f / (float) Math.sqrt(dh)).add(bias);
            NDArray probs = drop(scores.softmax(-1), dropout);
            NDArray ctx = probs.matMul(v).transpose(0, 2, 1, 3).reshape(b, len, hidden);
            x = norm(x.add(drop(dense(ctx, p + "attention.output.dense"), dropout)), p + "attention.output.LayerNorm");
            NDArray inner = Activation.gelu(dense(x, p + "intermediate.dense"));
            x = norm(x.add(drop(dense(inner, p + "output.dense"), dropout)), p + "output.LayerNorm");
        }
        return x;
    }

    /**
     * Runs both heads on encoder states.
     *
     * @param states {@code [B, L, H]} from {@link #encode}
     * @param sentencePool {@code [B, B*L]}: row i averages sentence i's real tokens
     * @param mentionPool {@code [M, B*L]}: row j averages mention j's tokens (may have M = 0)
     * @param mentionSentence {@code [M, B]}: one-hot, the sentence of mention j
     * @return sentiment logits {@code [B, 3]} and stance logits {@code [M, 3]}
     */
    public NDList heads(NDArray states, NDArray sentencePool, NDArray mentionPool, NDArray mentionSentence, float dropout) {
        long b = states.getShape().get(0);
        long len = states.getShape().get(1);
        NDArray flat = states.reshape(b * len, hidden);
        NDArray sentence = sentencePool.matMul(flat);
        NDArray sentiment = drop(sentence, dropout).matMul(w("head.sentiment.weight")).add(w("head.sentiment.bias"));
        if (mentionPool.getShape().get(0) == 0) {
            return new NDList(sentiment, mentionPool.getManager().zeros(new Shape(0, CLASSES)));
        }
        NDArray mention = mentionPool.matMul(flat);
        NDArray context = mentionSentence.matMul(sentence);
        NDArray features = drop(mention.concat(context, 1), dropout);
        NDArray h = Activation.gelu(features.matMul(w("head.stance.dense.weight")).add(w("head.stance.dense.bias")));
        NDArray stance = drop(h, dropout).matMul(w("head.stance.out.weight")).add(w("head.stance.out.bias"));
        return new NDList(sentiment, stance);
    }

    private NDArray dense(NDArray x, String name) {
        return x.matMul(w(name + ".weight")).add(w(name + ".bias"));
    }

    private NDArray split(NDArray x, long b, long len, int dh) {
        return x.reshape(b, len, heads, dh).transpose(0, 2, 1, 3);
    }

    private NDArray norm(NDArray x, String name) {
        return LayerNorm.layerNorm(x, new Shape(hidden), w(name + ".weight"), w(name + ".bias"), 1e-12f).singletonOrThrow();
    }

    private static NDArray drop(NDArray x, float rate) {
        return rate > 0 ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
    }

    /**
     * Block entry point: inputs ids, mask, sentencePool, mentionPool, mentionSentence, typeIds; outputs
     * sentiment and stance logits.
     */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray states = encode(inputs.get(0), inputs.get(5), inputs.get(1), training ? 0.1f : 0f);
        return heads(states, inputs.get(2), inputs.get(3), inputs.get(4), training ? 0.1f : 0f);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), CLASSES), new Shape(inputShapes[3].get(0), CLASSES)};
    }
}
