package io.github.stance4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.github.stance4j.tokenize.Encoding;
import io.github.stance4j.tokenize.WordPieceTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The inference core: tokenizes sentences, maps mention character spans to tokens, groups
 * sentences of similar length into batches (no padding beyond a batch's longest), runs one
 * forward per sentence for its sentiment and all its mentions' stances, and returns calibrated
 * probabilities. Internal.
 *
 * <p>Thread-safe: the weights are only read, and every call allocates its native arrays in its
 * own sub-manager inside an {@link NDScope} that frees them before returning. Do not race
 * {@link #close()} with calls.
 */
public final class StanceModel implements AutoCloseable {
    /** Sentences per batch at most. */
    public static final int BATCH = 32;
    /** Tokens per batch at most (sentences times padded length). */
    public static final int TOKEN_BUDGET = 32 * 64;

    private final NDManager manager;
    private final StanceNet net;
    private final WordPieceTokenizer tokenizer;
    private final ModelConfig config;

    /** Loads the bundle's weights into native memory owned by this model. */
    public StanceModel(ModelBundle bundle) {
        ModelConfig c = bundle.config();
        this.config = c;
        this.tokenizer = bundle.tokenizer();
        this.manager = NDManager.newBaseManager("PyTorch");
        this.net = new StanceNet(c.vocabSize(), c.hidden(), c.heads(), c.ffn(), c.layers(), BaseModel.POSITIONS);
        net.load(manager, bundle.weights(), c.seed());
        net.fuse(manager);
    }

    /**
     * A sentence, the character spans [start, end) of its mentions relative to the sentence, and
     * the target each mention stands for (read by cross-encoding models).
     */
    public record Input(String text, List<int[]> mentionSpans, List<String> targets) {
        /** Checks that spans and targets pair up. */
        public Input {
            if (mentionSpans.size() != targets.size()) {
                throw new IllegalArgumentException("one target per mention span: " + mentionSpans.size() + " spans, " + targets.size() + " targets");
            }
        }
    }

    /** Probabilities for one input: sentiment, and stance per mention in input order. */
    public record Output(float[] sentiment, float[][] stance) {}

    /** The manifest. */
    public ModelConfig config() {
        return config;
    }

    /** The tokenizer. */
    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Tokenizes an input into batch items: the sentence with its mentions mapped to token ranges;
     * for a cross-encoding model, the sentence alone plus one (sentence, target) pair per mention,
     * whose "mention" is the target segment.
     */
    public List<Batch.Item> tokenize(Input in) {
        Encoding e = tokenizer.encode(normalize(in.text()), config.maxLength());
        if (config.targetMarking()) {
            if (in.mentionSpans().isEmpty()) {
                return List.of(new Batch.Item(e.ids(), List.of()));
            }
            List<Batch.Item> items = new ArrayList<>();
            for (int i = 0; i < in.targets().size(); i++) {
                items.add(targetItem(config.design(), config.maxLength(), tokenizer, e, in.text(), in.mentionSpans().get(i), in.targets().get(i)));
            }
            return items;
        }
        if (!config.crossEncoding()) {
            List<int[]> spans = new ArrayList<>(in.mentionSpans().size());
            for (int[] span : in.mentionSpans()) {
                spans.add(tokenRange(e, span[0], span[1]));
            }
            return List.of(new Batch.Item(e.ids(), spans));
        }
        List<Batch.Item> items = new ArrayList<>();
        items.add(new Batch.Item(e.ids(), List.of()));
        for (String target : in.targets()) {
            items.add(pair(tokenizer, in.text(), target, config.maxLength()));
        }
        return items;
    }

    /**
     * The batch item that asks a marking design about one target: the sentence (encoded as
     * {@code e}) with the mention's tokens marked, or, when the target's words are not in the
     * sentence (no span, or the span is the whole sentence), the sentence with the target's name
     * as a second segment, so the answer still depends on the target. Training and inference
     * both build their items here.
     */
    public static Batch.Item targetItem(String design, int maxLength, WordPieceTokenizer tokenizer, Encoding e, String text,
                                        int[] span, String target) {
        int[] range = span == null || (span[0] == 0 && span[1] >= text.length()) ? new int[] {0, 0} : tokenRange(e, span[0], span[1]);
        if (range[1] <= range[0]) {
            return pair(tokenizer, text, target, maxLength);
        }
        return ModelConfig.MARKER_TOKENS.equals(design) ? wrapped(e.ids(), range) : marked(e.ids(), range);
    }

    /** Token id of [unused0], which opens a marked mention; [unused1] (id + 1) closes it. */
    public static final int MARKER = 1;

    /** The sentence with [unused0] before and [unused1] after the tokens [first, last), all three pooled as the mention. */
    public static Batch.Item wrapped(int[] ids, int[] range) {
        int[] out = new int[ids.length + 2];
        System.arraycopy(ids, 0, out, 0, range[0]);
        out[range[0]] = MARKER;
        System.arraycopy(ids, range[0], out, range[0] + 1, range[1] - range[0]);
        out[range[1] + 1] = MARKER + 1;
        System.arraycopy(ids, range[1], out, range[1] + 2, ids.length - range[1]);
        return new Batch.Item(out, null, List.of(new int[] {range[0], range[1] + 2}));
    }

    /**
     * The text the model reads: typographic quotes and apostrophes become ASCII ones ("NATO’s"
     * reads as "NATO's"), one character for one, so offsets do not move.
     */
    public static String normalize(String text) {
        return text.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
    }

    /** The sentence with the tokens [first, last) marked by segment id 1 and pooled as the mention. */
    public static Batch.Item marked(int[] ids, int[] range) {
        int[] types = new int[ids.length];
        java.util.Arrays.fill(types, range[0], range[1], 1);
        return new Batch.Item(ids, types, List.of(range));
    }

    /** A (sentence, target) pair whose mention is the target segment, for cross-encoding. */
    public static Batch.Item pair(WordPieceTokenizer tokenizer, String sentence, String target, int maxLength) {
        Encoding p = tokenizer.encodePair(normalize(sentence), target, maxLength);
        int first = -1;
        int last = -1;
        for (int t = 0; t < p.ids().length - 1; t++) {
            if (p.typeIds()[t] == 1) {
                first = first < 0 ? t : first;
                last = t + 1;
            }
        }
        return new Batch.Item(p.ids(), p.typeIds(), List.of(first < 0 ? new int[] {0, 0} : new int[] {first, last}));
    }

    /** The tokens [first, last) that overlap characters [start, end), or [0, 0) if none do. */
    public static int[] tokenRange(Encoding e, int start, int end) {
        int first = -1;
        int last = -1;
        for (int t = 1; t < e.ids().length - 1; t++) { // skip [CLS] and [SEP]
            if (e.starts()[t] < end && e.ends()[t] > start) {
                if (first < 0) {
                    first = t;
                }
                last = t + 1;
            }
        }
        return first < 0 ? new int[] {0, 0} : new int[] {first, last};
    }

    /** Scores every input; the result is in input order. */
    public List<Output> predict(List<Input> inputs) {
        List<Batch.Item> all = new ArrayList<>();
        int[] firstItem = new int[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            firstItem[i] = all.size();
            all.addAll(tokenize(inputs.get(i)));
        }
        Output[] raw = run(all.toArray(new Batch.Item[0]));
        if (!config.crossEncoding() && !config.targetMarking()) {
            return List.of(raw);
        }
        // cross-encoding: item 0 is the sentence, then one per target; marking: one per target (or the bare sentence)
        int offset = config.crossEncoding() ? 1 : 0;
        List<Output> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            float[][] stance = new float[inputs.get(i).targets().size()][];
            for (int j = 0; j < stance.length; j++) {
                stance[j] = raw[firstItem[i] + offset + j].stance()[0];
            }
            out.add(new Output(raw[firstItem[i]].sentiment(), stance));
        }
        return out;
    }

    private Output[] run(Batch.Item[] items) {
        Integer[] order = new Integer[items.length];
        for (int i = 0; i < items.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> items[i].ids().length));
        Output[] out = new Output[items.length];
        int from = 0;
        while (from < order.length) {
            int to = from;
            while (to < order.length && to - from < BATCH && (to - from + 1) * items[order[to]].ids().length <= TOKEN_BUDGET) {
                to++;
            }
            to = Math.max(to, from + 1);
            List<Batch.Item> chunk = new ArrayList<>();
            for (int k = from; k < to; k++) {
                chunk.add(items[order[k]]);
            }
            Output[] scored = forward(new Batch(chunk), chunk);
            for (int k = from; k < to; k++) {
                out[order[k]] = scored[k - from];
            }
            from = to;
        }
        return out;
    }

    private Output[] forward(Batch batch, List<Batch.Item> chunk) {
        float[] sentiment;
        float[] stance;
        try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
            NDArray[] in = batch.arrays(m);
            NDArray states = net.encode(in[0], in[5], in[1], 0f);
            NDList logits = net.heads(states, in[2], in[3], in[4], 0f);
            sentiment = logits.get(0).div((float) config.sentimentTemperature()).softmax(-1).toFloatArray();
            stance = batch.mentions() == 0 ? new float[0]
                    : logits.get(1).div((float) config.stanceTemperature()).softmax(-1).toFloatArray();
        }
        Output[] out = new Output[chunk.size()];
        int row = 0;
        for (int i = 0; i < out.length; i++) {
            float[][] st = new float[chunk.get(i).mentionTokens().size()][];
            for (int j = 0; j < st.length; j++, row++) {
                st[j] = Arrays.copyOfRange(stance, row * StanceNet.CLASSES, (row + 1) * StanceNet.CLASSES);
            }
            out[i] = new Output(Arrays.copyOfRange(sentiment, i * StanceNet.CLASSES, (i + 1) * StanceNet.CLASSES), st);
        }
        return out;
    }

    /** Frees the native weights. Safe to call twice. */
    @Override
    public void close() {
        manager.close();
    }
}
