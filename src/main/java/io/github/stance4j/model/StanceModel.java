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
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The inference core: tokenizes sentences, maps mention character spans to tokens, groups
 * sentences of similar length into batches (no padding beyond a batch's longest), runs one
 * forward per sentence for its sentiment and all its mentions' stances, and returns calibrated
 * probabilities. Internal.
 *
 * <p>Bounded work per sentence: a sentence longer than the model's {@code maxLength} tokens is
 * read in overlapping windows of that length (half a window apart); its sentiment is the mean of
 * the windows' sentiments and each mention is read in the window that gives it the most context
 * on its shorter side. A sentence with more than {@value #MENTION_CAP} mentions gets one forward
 * per distinct target (its first mention), shared by that target's other mentions. Identical
 * batch items in one call (a repeated sentence) are scored once. Sentences of at most
 * {@code maxLength} tokens with at most {@value #MENTION_CAP} mentions are read exactly as before
 * these rules existed.
 *
 * <p>Time budgets: the model times every forward batch and keeps an estimate of what the next
 * one will take ({@link ForwardCost}); a batch that would take a group of a call past its budget
 * is not run for it (see {@link #predict(List, int[], TimeAccounts)}).
 *
 * <p>Thread-safe: the weights are only read, and every forward allocates its native arrays in
 * its own sub-manager inside an {@link NDScope} that frees them before returning; the forward
 * cost estimate is shared and synchronized. Forwards hold a read lock; {@link #close()} marks the
 * model closed (a call in flight fails with an {@link IllegalStateException} at its next
 * forward), waits for running forwards to end, and frees the weights.
 */
public final class StanceModel implements AutoCloseable {
    /** Sentences per batch at most. */
    public static final int BATCH = 32;
    /** Tokens per batch at most (sentences times padded length). */
    public static final int TOKEN_BUDGET = 32 * 64;
    /** Mentions of one sentence up to which each gets a forward of its own; beyond, one per distinct target. */
    public static final int MENTION_CAP = 8;

    private final NDManager manager;
    private final StanceNet net;
    private final WordPieceTokenizer tokenizer;
    private final ModelConfig config;
    private final ForwardCost cost;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private boolean freed;

    /**
     * Loads the bundle's weights into native memory owned by this model.
     *
     * @throws IllegalArgumentException if the weights lack a tensor of the network or have a wrong shape
     */
    public StanceModel(ModelBundle bundle) {
        this(bundle, new ForwardCost(ForwardCost.DEFAULT_FIXED_NANOS, ForwardCost.DEFAULT_NANOS_PER_TOKEN));
    }

    /** A model whose time budgets expect forwards to take what {@code cost} says. */
    StanceModel(ModelBundle bundle, ForwardCost cost) {
        ModelConfig c = bundle.config();
        this.config = c;
        this.cost = cost;
        this.tokenizer = bundle.tokenizer();
        this.net = new StanceNet(c.vocabSize(), c.hidden(), c.heads(), c.ffn(), c.layers(), BaseModel.POSITIONS);
        for (String name : net.parameterNames()) {
            if (!bundle.weights().containsKey(name)) {
                throw new IllegalArgumentException("weights.bin has no tensor " + name + " (the manifest describes " + c.layers()
                        + " layers of size " + c.hidden() + ")");
            }
        }
        this.manager = NDManager.newBaseManager("PyTorch");
        try {
            net.load(manager, bundle.weights(), c.seed());
            net.fuse(manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
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
     * How one input is read: its batch items, the items whose sentiments are averaged for the
     * sentence, and for each mention the item and the row of that item's stances that answer it.
     */
    public record Plan(List<Batch.Item> items, int[] sentimentItems, int[][] stanceRefs) {}

    /** The batch items of an input (see {@link #plan}). */
    public List<Batch.Item> tokenize(Input in) {
        return plan(in).items();
    }

    /**
     * Tokenizes an input into batch items: for a marking design, one item per target (or the bare
     * sentence when it has none); for mention pooling, the sentence with its mentions mapped to
     * token ranges; for cross-encoding, the sentence alone plus one (sentence, target) pair per
     * mention, whose "mention" is the target segment. A long sentence is read in windows and many
     * mentions are grouped by target (see the class comment).
     */
    Plan plan(Input in) {
        return plan(in, () -> {});
    }

    /**
     * {@link #plan(Input)}, running {@code check} as the tokenizer reads the sentence (once every
     * 4,096 characters) and for each pair item; whatever it throws stops the call.
     */
    public Plan plan(Input in, Runnable check) {
        Encoding full = tokenizer.encode(normalize(in.text()), Integer.MAX_VALUE, check);
        int[] starts = full.length() <= config.maxLength() ? new int[] {0} : windowStarts(full, config.maxLength());
        List<Encoding> windows = starts.length == 1 ? List.of(full) : windows(full, starts);
        int k = in.mentionSpans().size();
        int[] rep = representatives(in);
        List<Batch.Item> items = new ArrayList<>();
        int[][] refs = new int[k][];
        int[] sentiment;
        if (windows.size() > 1) {
            sentiment = new int[windows.size()];
            for (int w = 0; w < windows.size(); w++) {
                sentiment[w] = w;
                items.add(new Batch.Item(windows.get(w).ids(), new ArrayList<>())); // mention pooling adds to the list
            }
        } else {
            sentiment = new int[] {0};
        }
        if (config.targetMarking()) {
            if (k == 0 && windows.size() == 1) {
                items.add(new Batch.Item(full.ids(), List.of()));
            }
            for (int j = 0; j < k; j++) {
                if (rep[j] == j) {
                    int[] span = in.mentionSpans().get(j);
                    Encoding e = windows.get(bestWindow(full, starts, span));
                    refs[j] = new int[] {items.size(), 0};
                    items.add(targetItem(config.design(), config.maxLength(), tokenizer, e, in.text(), span, in.targets().get(j), check));
                } else {
                    refs[j] = refs[rep[j]];
                }
            }
        } else if (!config.crossEncoding()) {
            if (windows.size() == 1) {
                items.add(new Batch.Item(full.ids(), new ArrayList<>()));
            }
            for (int j = 0; j < k; j++) {
                int[] span = in.mentionSpans().get(j);
                int w = bestWindow(full, starts, span);
                List<int[]> mentionTokens = items.get(w).mentionTokens();
                refs[j] = new int[] {w, mentionTokens.size()};
                mentionTokens.add(tokenRange(windows.get(w), span[0], span[1]));
            }
        } else {
            if (windows.size() == 1) {
                items.add(new Batch.Item(full.ids(), List.of()));
            }
            for (int j = 0; j < k; j++) {
                if (rep[j] == j) {
                    refs[j] = new int[] {items.size(), 0};
                    items.add(pair(tokenizer, in.text(), in.targets().get(j), config.maxLength(), check));
                } else {
                    refs[j] = refs[rep[j]];
                }
            }
        }
        return new Plan(items, sentiment, refs);
    }

    /**
     * For each mention, the mention whose forward answers it: itself, or, beyond
     * {@link #MENTION_CAP} mentions, the first mention of the same target.
     */
    private static int[] representatives(Input in) {
        int k = in.targets().size();
        int[] rep = new int[k];
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int j = 0; j < k; j++) {
            Integer f = k > MENTION_CAP ? first.putIfAbsent(in.targets().get(j), j) : null;
            rep[j] = f == null ? j : f;
        }
        return rep;
    }

    /**
     * Where the overlapping windows over a long encoding start, as indices of its text tokens
     * ({@code [CLS]} not counted): windows of {@code maxLength - 2} text tokens (plus {@code [CLS]}
     * and {@code [SEP]}), half a window apart, the last one ending with the text; a window starts
     * at a word's first piece where one is near.
     */
    int[] windowStarts(Encoding full, int maxLength) {
        int body = maxLength - 2;
        int n = full.length() - 2;
        int stride = Math.max(1, body / 2);
        List<Integer> out = new ArrayList<>();
        for (int start = 0; ; start += stride) {
            int from = Math.max(0, Math.min(start, n - body));
            for (int shift = 0; shift < 8 && from > 0 && from + body < n && isContinuation(full.ids()[1 + from]); shift++) {
                from++;
            }
            out.add(from);
            if (from + body >= n) {
                return out.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    private List<Encoding> windows(Encoding full, int[] starts) {
        int body = config.maxLength() - 2;
        int n = full.length() - 2;
        List<Encoding> out = new ArrayList<>(starts.length);
        for (int from : starts) {
            out.add(slice(full, from, Math.min(n, from + body)));
        }
        return out;
    }

    private boolean isContinuation(int id) {
        return tokenizer.token(id).startsWith("##");
    }

    /** [CLS] + the text tokens [from, to) of {@code full} + [SEP], offsets kept. */
    private static Encoding slice(Encoding full, int from, int to) {
        int len = to - from + 2;
        int[] ids = new int[len];
        int[] starts = new int[len];
        int[] ends = new int[len];
        ids[0] = full.ids()[0];
        ids[len - 1] = full.ids()[full.length() - 1];
        System.arraycopy(full.ids(), 1 + from, ids, 1, to - from);
        System.arraycopy(full.starts(), 1 + from, starts, 1, to - from);
        System.arraycopy(full.ends(), 1 + from, ends, 1, to - from);
        return new Encoding(ids, new int[len], starts, ends);
    }

    /**
     * The window that holds the mention's tokens with the most tokens around them on the shorter
     * side; the first window if the mention has no tokens.
     */
    private int bestWindow(Encoding full, int[] starts, int[] span) {
        if (starts.length == 1 || span == null) {
            return 0;
        }
        int first = firstTokenEndingAfter(full, span[0]) - 1; // text-token indices
        int last = lastTokenStartingBefore(full, span[1]) - 1;
        if (last < first) {
            return 0;
        }
        int body = config.maxLength() - 2;
        int best = 0;
        int bestContext = Integer.MIN_VALUE;
        for (int w = 0; w < starts.length; w++) {
            int context = Math.min(first - starts[w], starts[w] + body - 1 - last);
            if (context > bestContext) {
                bestContext = context;
                best = w;
            }
        }
        return best;
    }

    /** Index of the first text token of {@code e} whose end is after {@code offset} (offsets only grow). */
    private static int firstTokenEndingAfter(Encoding e, int offset) {
        int lo = 1;
        int hi = e.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e.ends()[mid] > offset) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Index of the last text token of {@code e} whose start is before {@code offset}, or 0. */
    private static int lastTokenStartingBefore(Encoding e, int offset) {
        int lo = 0;
        int hi = e.length() - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (e.starts()[mid] < offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
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
        return targetItem(design, maxLength, tokenizer, e, text, span, target, () -> {});
    }

    private static Batch.Item targetItem(String design, int maxLength, WordPieceTokenizer tokenizer, Encoding e, String text,
                                         int[] span, String target, Runnable check) {
        int[] range = span == null || (span[0] == 0 && span[1] >= text.length()) ? new int[] {0, 0} : tokenRange(e, span[0], span[1]);
        if (range[1] <= range[0]) {
            return pair(tokenizer, text, target, maxLength, check);
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
        return pair(tokenizer, sentence, target, maxLength, () -> {});
    }

    private static Batch.Item pair(WordPieceTokenizer tokenizer, String sentence, String target, int maxLength, Runnable check) {
        Encoding p = tokenizer.encodePair(normalize(sentence), target, maxLength, check);
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

    /**
     * Scores every input; the result is in input order.
     *
     * @throws IllegalStateException if the model is closed before or during the call
     */
    public List<Output> predict(List<Input> inputs) {
        List<Plan> plans = new ArrayList<>(inputs.size());
        for (Input in : inputs) {
            plans.add(plan(in));
        }
        return predict(plans, new int[plans.size()], new TimeAccounts(1, Long.MAX_VALUE));
    }

    /**
     * Scores planned inputs that belong to groups ({@code group[i]} is the group of
     * {@code plans.get(i)}), keeping each group's time account: the time from the call's start to
     * the end of the first forward batch, and from the end of each batch to the end of the next,
     * is shared equally among the batch's items and charged to each group that needs the item.
     * Before each batch, the items that only groups already out need are left out, and a group
     * whose share of the batch, as this model expects it to take ({@link ForwardCost}, counted
     * from the end of the batch before), would pass its budget is stopped then, before the batch
     * runs, and its items are left out too. The batches are those of all the items while no group
     * is out.
     *
     * @return outputs in plan order; null for the plans of groups that are out at the end
     * @throws IllegalStateException if the model is closed before or during the call
     */
    public List<Output> predict(List<Plan> plans, int[] group, TimeAccounts accounts) {
        if (closed) {
            throw new IllegalStateException("the analyzer is closed");
        }
        long start = System.nanoTime();
        List<Batch.Item> all = new ArrayList<>();
        List<Integer> itemGroup = new ArrayList<>();
        int[] firstItem = new int[plans.size()];
        for (int i = 0; i < plans.size(); i++) {
            firstItem[i] = all.size();
            all.addAll(plans.get(i).items());
            for (int k = 0; k < plans.get(i).items().size(); k++) {
                itemGroup.add(group[i]);
            }
        }
        Output[] raw = run(all.toArray(new Batch.Item[0]), itemGroup, accounts, start);
        List<Output> out = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            if (accounts.isOut(group[i])) {
                out.add(null);
                continue;
            }
            float[][] stance = new float[p.stanceRefs().length][];
            for (int j = 0; j < stance.length; j++) {
                int[] ref = p.stanceRefs()[j];
                stance[j] = raw[firstItem[i] + ref[0]].stance()[ref[1]];
            }
            out.add(new Output(meanSentiment(raw, firstItem[i], p.sentimentItems()), stance));
        }
        return out;
    }

    private static float[] meanSentiment(Output[] raw, int first, int[] items) {
        if (items.length == 1) {
            return raw[first + items[0]].sentiment();
        }
        float[] mean = new float[StanceNet.CLASSES];
        for (int item : items) {
            float[] s = raw[first + item].sentiment();
            for (int c = 0; c < mean.length; c++) {
                mean[c] += s[c] / items.length;
            }
        }
        return mean;
    }

    /** Native arrays this model holds now (its weights; a call's arrays are freed when it returns). */
    public int openArrays() {
        lock.readLock().lock();
        try {
            return freed ? 0 : manager.getManagedArrays().size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Scores items; identical items (a repeated sentence, a repeated target) are scored once, for
     * all the groups that need them. Items of groups that are out are left null.
     */
    private Output[] run(Batch.Item[] all, List<Integer> itemGroup, TimeAccounts accounts, long start) {
        java.util.Map<ItemKey, Integer> index = new java.util.HashMap<>();
        int[] unique = new int[all.length];
        List<Batch.Item> distinct = new ArrayList<>();
        List<int[]> groups = new ArrayList<>(); // per distinct item, the groups that need it
        for (int i = 0; i < all.length; i++) {
            Integer at = index.putIfAbsent(new ItemKey(all[i]), distinct.size());
            int g = itemGroup.get(i);
            if (at == null) {
                at = distinct.size();
                distinct.add(all[i]);
                groups.add(new int[] {g});
            } else if (Arrays.stream(groups.get(at)).noneMatch(x -> x == g)) {
                int[] gs = Arrays.copyOf(groups.get(at), groups.get(at).length + 1);
                gs[gs.length - 1] = g;
                groups.set(at, gs);
            }
            unique[i] = at;
        }
        Output[] scored = runDistinct(distinct.toArray(new Batch.Item[0]), groups, accounts, start);
        Output[] out = new Output[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = scored[unique[i]];
        }
        return out;
    }

    /** An item as a map key: equal when ids, type ids and mention ranges are. */
    private static final class ItemKey {
        private final Batch.Item item;
        private final int hash;

        ItemKey(Batch.Item item) {
            this.item = item;
            int h = Arrays.hashCode(item.ids()) * 31 + Arrays.hashCode(item.typeIds());
            for (int[] m : item.mentionTokens()) {
                h = h * 31 + Arrays.hashCode(m);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ItemKey k) || k.hash != hash || !Arrays.equals(k.item.ids(), item.ids())
                    || !Arrays.equals(k.item.typeIds(), item.typeIds()) || k.item.mentionTokens().size() != item.mentionTokens().size()) {
                return false;
            }
            for (int j = 0; j < item.mentionTokens().size(); j++) {
                if (!Arrays.equals(k.item.mentionTokens().get(j), item.mentionTokens().get(j))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Sorts the items by length and runs them in batches of at most {@value #BATCH} items and
     * {@value #TOKEN_BUDGET} padded tokens, charging each batch's time to the groups of its items
     * and leaving out the items whose groups are all out; a batch that would take a group past
     * its budget puts that group out and is made again without it.
     */
    private Output[] runDistinct(Batch.Item[] items, List<int[]> groups, TimeAccounts accounts, long start) {
        Integer[] order = new Integer[items.length];
        for (int i = 0; i < items.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> items[i].ids().length));
        Output[] out = new Output[items.length];
        long mark = start;
        int next = 0;
        while (next < order.length) {
            int first = next;
            List<Integer> chunk = new ArrayList<>();
            for (; next < order.length && chunk.size() < BATCH; next++) {
                int k = order[next];
                if (!needed(groups.get(k), accounts)) {
                    continue;
                }
                if (!chunk.isEmpty() && (chunk.size() + 1) * items[k].ids().length > TOKEN_BUDGET) {
                    break;
                }
                chunk.add(k);
            }
            if (chunk.isEmpty()) {
                break;
            }
            List<Batch.Item> batch = new ArrayList<>(chunk.size());
            for (int k : chunk) {
                batch.add(items[k]);
            }
            Batch b = new Batch(batch);
            if (stopLate(chunk, groups, accounts, System.nanoTime() - mark + cost.expect(b.size, b.length))) {
                cost.refused();
                next = first;
                continue;
            }
            long started = System.nanoTime();
            Output[] scored = forward(b, batch);
            long now = System.nanoTime();
            cost.timed(b.size, b.length, now - started);
            long share = (now - mark) / chunk.size();
            for (int j = 0; j < chunk.size(); j++) {
                out[chunk.get(j)] = scored[j];
                for (int g : groups.get(chunk.get(j))) {
                    accounts.charge(g, share);
                }
            }
            mark = now;
        }
        return out;
    }

    /**
     * Stops each group that is in and whose share of a batch of {@code chunk} would pass its
     * budget, the batch's time being {@code nanos} shared equally among its items as
     * {@link #runDistinct} will charge it. Returns whether it stopped any.
     */
    private static boolean stopLate(List<Integer> chunk, List<int[]> groups, TimeAccounts accounts, double nanos) {
        java.util.Map<Integer, Integer> items = new java.util.HashMap<>();
        for (int k : chunk) {
            for (int g : groups.get(k)) {
                items.merge(g, 1, Integer::sum);
            }
        }
        boolean stopped = false;
        for (java.util.Map.Entry<Integer, Integer> e : items.entrySet()) {
            int g = e.getKey();
            if (!accounts.isOut(g) && nanos * e.getValue() / chunk.size() > accounts.left(g)) {
                accounts.stop(g);
                stopped = true;
            }
        }
        return stopped;
    }

    /** Whether a group that needs an item is still in. */
    private static boolean needed(int[] groups, TimeAccounts accounts) {
        for (int g : groups) {
            if (!accounts.isOut(g)) {
                return true;
            }
        }
        return false;
    }

    private Output[] forward(Batch batch, List<Batch.Item> chunk) {
        float[] sentiment;
        float[] stance;
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the analyzer was closed while this call was running");
            }
            try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
                NDArray[] in = batch.arrays(m);
                NDArray states = net.encode(in[0], in[5], in[1], 0f);
                NDList logits = net.heads(states, in[2], in[3], in[4], 0f);
                sentiment = logits.get(0).div((float) config.sentimentTemperature()).softmax(-1).toFloatArray();
                stance = batch.mentions() == 0 ? new float[0]
                        : logits.get(1).div((float) config.stanceTemperature()).softmax(-1).toFloatArray();
            }
        } finally {
            lock.readLock().unlock();
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

    /**
     * Frees the native weights once the forwards running now have ended; calls still in flight
     * fail at their next forward. Safe to call twice.
     */
    @Override
    public void close() {
        closed = true;
        lock.writeLock().lock();
        try {
            if (!freed) {
                freed = true;
                manager.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
