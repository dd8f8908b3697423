package io.github.stance4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.github.stance4j.ModelLoadException;
import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.eval.Corpus;
import io.github.stance4j.eval.Corpus.SentimentItem;
import io.github.stance4j.eval.Corpus.StanceItem;
import io.github.stance4j.eval.Evaluator;
import io.github.stance4j.gazetteer.Bloc;
import io.github.stance4j.gazetteer.Gazetteer;
import io.github.stance4j.model.BaseModel;
import io.github.stance4j.model.Batch;
import io.github.stance4j.model.ModelBundle;
import io.github.stance4j.model.ModelConfig;
import io.github.stance4j.model.StanceModel;
import io.github.stance4j.model.StanceNet;
import io.github.stance4j.model.Tensor;
import io.github.stance4j.result.Prediction;
import io.github.stance4j.result.Sentiment;
import io.github.stance4j.result.Stance;
import io.github.stance4j.tokenize.Encoding;
import io.github.stance4j.tokenize.WordPieceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fine-tunes the network from the imported all-MiniLM-L6-v2 encoder on the training data, on the
 * PyTorch engine (CPU), seeded. Each epoch it writes a checkpoint bundle, scores it on the dev set
 * through the real analyzer (quantised weights and all) and keeps the best; at the end it fits
 * the temperatures of both heads on dev and writes the final bundle with its manifest.
 */
public final class Trainer {
    /** Training settings. */
    public record Options(List<Path> trainDirs, Path devDir, Path outDir, Path base, int epochs, int batchSize, double learningRate,
                          double headLearningRate, int layers, int frozenLayers, boolean augmentation, int limit, int maxLength,
                          long seed, long orderSeed, String design, double pairLoss, BaseModel encoder, List<Path> teachers,
                          double distillation) {
        /** Checks the values, naming the bad one. */
        public Options {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1: " + epochs);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
            }
            if (layers < 1 || layers > encoder.layers()) {
                throw new IllegalArgumentException("layers must be in 1.." + encoder.layers() + " (" + encoder.id() + "): " + layers);
            }
            if (frozenLayers < 0 || frozenLayers > layers) {
                throw new IllegalArgumentException("frozen layers must be in 0..layers: " + frozenLayers);
            }
            if (!ModelConfig.DESIGNS.contains(design)) {
                throw new IllegalArgumentException("design must be one of " + ModelConfig.DESIGNS + ": " + design);
            }
            if (trainDirs.isEmpty()) {
                throw new IllegalArgumentException("no training folder given");
            }
            trainDirs = List.copyOf(trainDirs);
            if (!(pairLoss >= 0)) {
                throw new IllegalArgumentException("pair loss weight must be >= 0: " + pairLoss);
            }
            if (maxLength < 8 || maxLength > BaseModel.POSITIONS) {
                throw new IllegalArgumentException("max length must be in 8.." + BaseModel.POSITIONS + ": " + maxLength);
            }
            teachers = List.copyOf(teachers);
            if (!(distillation >= 0 && distillation <= 1)) {
                throw new IllegalArgumentException("distillation weight must be in 0..1: " + distillation);
            }
        }

        /** Settings without teachers. */
        public Options(List<Path> trainDirs, Path devDir, Path outDir, Path base, int epochs, int batchSize, double learningRate,
                       double headLearningRate, int layers, int frozenLayers, boolean augmentation, int limit, int maxLength,
                       long seed, long orderSeed, String design, double pairLoss, BaseModel encoder) {
            this(trainDirs, devDir, outDir, base, epochs, batchSize, learningRate, headLearningRate, layers, frozenLayers, augmentation,
                    limit, maxLength, seed, orderSeed, design, pairLoss, encoder, List.of(), 0);
        }

        /** Settings for the default encoder, all-MiniLM-L6-v2. */
        public Options(List<Path> trainDirs, Path devDir, Path outDir, Path base, int epochs, int batchSize, double learningRate,
                       double headLearningRate, int layers, int frozenLayers, boolean augmentation, int limit, int maxLength,
                       long seed, long orderSeed, String design, double pairLoss) {
            this(trainDirs, devDir, outDir, base, epochs, batchSize, learningRate, headLearningRate, layers, frozenLayers, augmentation,
                    limit, maxLength, seed, orderSeed, design, pairLoss, BaseModel.MINILM_L6);
        }

        /** The settings the shipped model is trained with. */
        public static Options defaults(Path trainDir, Path devDir, Path outDir) {
            return new Options(List.of(trainDir), devDir, outDir, null, 4, 16, 8e-5, 1e-3, BaseModel.MINILM_L6.layers(), 0, false, 0, 128, 42,
                    42, ModelConfig.TARGET_MARKING, 0);
        }
    }

    /**
     * A training sentence (or sentence-target pair): tokens, sentiment label (-1 if none), mentions
     * with stance labels, and the index of its sentence (the copies of one sentence, one per target,
     * share it and are batched together); with teachers, their mean probabilities for the sentiment
     * (null without) and for each mention's stance.
     */
    private record Example(int[] ids, int[] typeIds, int sentiment, List<int[]> spans, List<Integer> stances, int group,
                           float[] teacherSentiment, float[][] teacherStances) {
        Example(int[] ids, int[] typeIds, int sentiment, List<int[]> spans, List<Integer> stances, int group) {
            this(ids, typeIds, sentiment, spans, stances, group, null, null);
        }

        Batch.Item item() {
            return new Batch.Item(ids, typeIds, spans);
        }
    }

    private int skipped;
    private String baseModel; // the manifest's: the encoder's description, or that of the model continued
    private long forwardNanos;
    private long backwardNanos;
    private long updateNanos;
    private final Options o;
    private final PrintStream log;

    /** A trainer that prints progress to {@code log}. */
    public Trainer(Options options, PrintStream log) {
        this.o = options;
        this.log = log;
    }

    /** Trains and writes the best bundle to {@code outDir/best}; returns its dev scores. */
    public Map<String, Double> train() throws IOException, ModelLoadException {
        long t0 = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) o.seed());
        byte[] vocab;
        try (InputStream in = Trainer.class.getClassLoader().getResourceAsStream(ModelBundle.RESOURCE_DIR + "vocab.txt")) {
            if (in == null) {
                throw new IOException("vocab.txt is not on the classpath (" + ModelBundle.RESOURCE_DIR + ")");
            }
            vocab = in.readAllBytes();
        }
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(new ByteArrayInputStream(vocab));
        Gazetteer gazetteer = Gazetteer.defaults();
        List<StanceItem> stance = new ArrayList<>();
        List<SentimentItem> sentiment = new ArrayList<>();
        List<Path> trainFiles = new ArrayList<>();
        for (Path dir : o.trainDirs()) {
            stance.addAll(Corpus.stance(dir));
            sentiment.addAll(Corpus.sentiment(dir));
            trainFiles.addAll(Corpus.files(dir, "stance"));
            trainFiles.addAll(Corpus.files(dir, "sentiment"));
        }
        if (!o.augmentation()) {
            stance.removeIf(it -> it.id() != null && it.id().startsWith("aug"));
            trainFiles.removeIf(p -> p.getFileName().toString().contains("augment"));
        }
        List<Example> examples = examples(stance, sentiment, tokenizer, gazetteer);
        Random random = new Random(o.orderSeed());
        if (o.limit() > 0 && examples.size() > o.limit()) {
            Collections.shuffle(examples, random);
            examples = new ArrayList<>(examples.subList(0, o.limit()));
        }
        log.printf("training: %d examples (%d stance items, %d sentiment items) from %s, %s, %d layers, %d frozen, %d epochs, seed %d,"
                        + " order seed %d, pair loss %.2f, encoder %s%s%n", examples.size(), stance.size(), sentiment.size(), o.trainDirs(), design(), o.layers(),
                o.frozenLayers(), o.epochs(), o.seed(), o.orderSeed(), o.pairLoss(), o.encoder().id(),
                o.teachers().isEmpty() ? "" : String.format(", distilled from %s at weight %.2f", o.teachers(), o.distillation()));

        Map<String, Tensor> base = startingWeights();
        base.keySet().removeIf(k -> k.startsWith("encoder.layer.") && Integer.parseInt(k.split("\\.")[2]) >= o.layers());
        String dataHash = hash(trainFiles);
        Map<String, Double> best = null;
        double bestScore = -1;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            examples = teach(manager, examples);
            StanceNet net = new StanceNet(BaseModel.VOCAB, BaseModel.HIDDEN, BaseModel.HEADS, BaseModel.FFN, o.layers(), BaseModel.POSITIONS);
            net.load(manager, base, o.seed());
            AdamW adam = new AdamW(net, o.frozenLayers());
            int stepsPerEpoch = (examples.size() + o.batchSize() - 1) / o.batchSize();
            int totalSteps = stepsPerEpoch * o.epochs();
            int step = 0;
            for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                List<List<Example>> batches = batches(examples, random);
                double lossSum = 0;
                int lossN = 0;
                long te = System.nanoTime();
                for (List<Example> batch : batches) {
                    step++;
                    double warm = Math.min(1.0, step / (0.1 * totalSteps));
                    double decay = Math.max(0.0, (totalSteps - step) / (0.9 * totalSteps));
                    double scale = Math.min(warm, decay);
                    double loss = step(manager, net, adam, batch, scale);
                    if (!Double.isFinite(loss)) {
                        int longest = batch.stream().mapToInt(e -> e.ids().length).max().orElse(0);
                        throw new IllegalStateException("loss is " + loss + " at epoch " + epoch + " step " + (lossN + 1)
                                + " (batch of " + batch.size() + ", longest " + longest + " tokens); lower --lr");
                    }
                    lossSum += loss;
                    lossN++;
                    if (lossN % 50 == 0 || lossN == 5) {
                        log.printf("  epoch %d step %d/%d loss %.4f (%.1f sentences/s; forward %.0f%%, backward %.0f%%, update %.0f%%)%n",
                                epoch, lossN, batches.size(), lossSum / lossN, lossN * (double) o.batchSize() / ((System.nanoTime() - te) / 1e9),
                                100.0 * forwardNanos / updateNanos, 100.0 * (backwardNanos - forwardNanos) / updateNanos,
                                100.0 * (updateNanos - backwardNanos) / updateNanos);
                    }
                }
                Path dir = o.outDir().resolve("epoch-" + epoch);
                write(dir, net, vocab, dataHash, 1.0, 1.0, Map.of(), epoch);
                Evaluator.Report report = evaluate(dir);
                Map<String, Double> scores = report.headline();
                double score = devScore(scores);
                log.printf("epoch %d: train loss %.4f, dev %s (%.0f s)%n", epoch, lossSum / Math.max(1, lossN), scores,
                        (System.nanoTime() - t0) / 1e9);
                if (score > bestScore) {
                    bestScore = score;
                    best = scores;
                    write(o.outDir().resolve("best"), net, vocab, dataHash, 1.0, 1.0, scores, epoch);
                }
            }
        }
        best = calibrate(o.outDir().resolve("best"));
        log.printf("best: %s, written to %s (%.0f s)%n", best, o.outDir().resolve("best"), (System.nanoTime() - t0) / 1e9);
        return best;
    }

    private List<Example> examples(List<StanceItem> stance, List<SentimentItem> sentiment, WordPieceTokenizer tokenizer,
                                   Gazetteer gazetteer) {
        Map<String, Integer> sentimentOf = new LinkedHashMap<>();
        Map<String, List<StanceItem>> targets = new LinkedHashMap<>();
        for (SentimentItem it : sentiment) {
            sentimentOf.put(it.text(), it.sentiment().ordinal());
            targets.computeIfAbsent(it.text(), k -> new ArrayList<>());
        }
        for (StanceItem it : stance) {
            targets.computeIfAbsent(it.text(), k -> new ArrayList<>()).add(it);
        }
        List<Example> out = new ArrayList<>();
        int group = 0;
        for (Map.Entry<String, List<StanceItem>> e : targets.entrySet()) {
            String text = e.getKey();
            int s = sentimentOf.getOrDefault(text, -1);
            Encoding enc = tokenizer.encode(StanceModel.normalize(text), o.maxLength());
            // one item per distinct mention span: the first label given for a span wins
            List<int[]> spans = new ArrayList<>();
            List<StanceItem> items = new ArrayList<>();
            for (StanceItem it : e.getValue()) {
                int[] span = gazetteer.locate(text, it.target(), it.mention());
                if (spans.stream().noneMatch(x -> x[0] == span[0] && x[1] == span[1])) {
                    spans.add(span);
                    items.add(it);
                }
            }
            if (o.design().equals(ModelConfig.CROSS_ENCODING)) {
                if (s >= 0) {
                    out.add(new Example(enc.ids(), null, s, List.of(), List.of(), group));
                }
                for (StanceItem it : items) {
                    Bloc bloc = gazetteer.lookup(it.target());
                    Batch.Item p = StanceModel.pair(tokenizer, text, bloc != null ? bloc.name() : it.target(), o.maxLength());
                    out.add(new Example(p.ids(), p.typeIds(), -1, p.mentionTokens(), List.of(it.stance().ordinal()), group));
                }
            } else if (ModelConfig.marking(o.design()) && !items.isEmpty()) {
                for (int j = 0; j < items.size(); j++) { // one marked copy per target; the first carries the sentiment
                    Batch.Item m = StanceModel.targetItem(o.design(), o.maxLength(), tokenizer, enc, text, spans.get(j), items.get(j).target());
                    out.add(new Example(m.ids(), m.typeIds(), j == 0 ? s : -1, m.mentionTokens(), List.of(items.get(j).stance().ordinal()), group));
                }
            } else {
                List<int[]> tokenSpans = new ArrayList<>();
                for (int[] span : spans) {
                    tokenSpans.add(StanceModel.tokenRange(enc, span[0], span[1]));
                }
                out.add(new Example(enc.ids(), null, s, tokenSpans, items.stream().map(it -> it.stance().ordinal()).toList(), group));
            }
            group++;
        }
        return out;
    }

    /**
     * Shuffled batches of sentences of similar length, the copies of one sentence (one per target)
     * always in the same batch: shuffle the sentences, sort within chunks of 50 batches, cut into
     * batches of about {@code batchSize} examples at sentence boundaries, shuffle the batches.
     */
    private List<List<Example>> batches(List<Example> examples, Random random) {
        Map<Integer, List<Example>> byGroup = new LinkedHashMap<>();
        for (Example e : examples) {
            byGroup.computeIfAbsent(e.group(), k -> new ArrayList<>()).add(e);
        }
        List<List<Example>> groups = new ArrayList<>(byGroup.values());
        Collections.shuffle(groups, random);
        List<List<Example>> out = new ArrayList<>();
        int chunk = o.batchSize() * 50;
        int from = 0;
        while (from < groups.size()) {
            List<List<Example>> part = new ArrayList<>();
            int n = 0;
            while (from < groups.size() && n < chunk) {
                n += groups.get(from).size();
                part.add(groups.get(from++));
            }
            part.sort(Comparator.comparingInt(g -> g.get(0).ids().length));
            List<Example> batch = new ArrayList<>();
            for (List<Example> g : part) {
                if (!batch.isEmpty() && batch.size() + g.size() > o.batchSize()) {
                    out.add(batch);
                    batch = new ArrayList<>();
                }
                batch.addAll(g);
            }
            if (!batch.isEmpty()) {
                out.add(batch);
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    private double step(NDManager manager, StanceNet net, AdamW adam, List<Example> batch, double lrScale) {
        List<Batch.Item> items = new ArrayList<>();
        List<Float> sentimentGold = new ArrayList<>();
        List<Integer> stanceGold = new ArrayList<>();
        List<Integer> stanceGroups = new ArrayList<>();
        List<float[]> sentimentTeacher = new ArrayList<>();
        List<float[]> stanceTeacher = new ArrayList<>();
        for (Example e : batch) {
            items.add(e.item());
            stanceGold.addAll(e.stances());
            e.stances().forEach(x -> stanceGroups.add(e.group()));
            sentimentGold.add((float) e.sentiment());
            sentimentTeacher.add(e.teacherSentiment());
            for (int i = 0; i < e.stances().size(); i++) {
                stanceTeacher.add(e.teacherStances() == null ? null : e.teacherStances()[i]);
            }
        }
        Batch b = new Batch(items);
        long t0 = System.nanoTime();
        try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
            NDArray[] in = b.arrays(m);
            float lossValue;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray states = net.encode(in[0], in[5], in[1], 0.1f);
                NDList logits = net.heads(states, in[2], in[3], in[4], 0.1f);
                NDArray loss = crossEntropy(m, logits.get(0), toInt(sentimentGold), sentimentTeacher, o.distillation());
                if (!stanceGold.isEmpty()) {
                    int[] gold = stanceGold.stream().mapToInt(Integer::intValue).toArray();
                    loss = loss.add(crossEntropy(m, logits.get(1), gold, stanceTeacher, o.distillation()));
                    if (o.pairLoss() > 0) {
                        NDArray pair = pairLoss(m, logits.get(1), gold, stanceGroups);
                        if (pair != null) {
                            loss = loss.add(pair.mul((float) o.pairLoss()));
                        }
                    }
                }
                lossValue = loss.getFloat();
                forwardNanos += System.nanoTime() - t0;
                gc.backward(loss);
                backwardNanos += System.nanoTime() - t0;
            }
            if (adam.gradientsFinite()) {
                adam.update(o.learningRate() * lrScale, o.headLearningRate() * lrScale);
            } else {
                skipped++;
                log.printf("  skipped a batch whose gradients are not finite (%d so far)%n", skipped);
            }
            updateNanos += System.nanoTime() - t0;
            return lossValue;
        }
    }

    private static int[] toInt(List<Float> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).intValue();
        }
        return out;
    }

    /**
     * The contrastive term over targets of one sentence whose gold stances differ: for each such
     * ordered pair (i, j), a hinge that wants target i to give its own gold label at least
     * {@link #PAIR_MARGIN} more log-probability than target j gives it, so the model cannot score
     * well by reading the sentence alone. Null if the batch holds no such pair.
     */
    static NDArray pairLoss(NDManager m, NDArray logits, int[] gold, List<Integer> groups) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < gold.length; i++) {
            for (int j = 0; j < gold.length; j++) {
                if (i != j && groups.get(i).equals(groups.get(j)) && gold[i] != gold[j]) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        int k = pairs.size();
        float[] pick = new float[k * gold.length];
        float[] other = new float[k * gold.length];
        float[] label = new float[k * StanceNet.CLASSES];
        for (int p = 0; p < k; p++) {
            pick[p * gold.length + pairs.get(p)[0]] = 1f;
            other[p * gold.length + pairs.get(p)[1]] = 1f;
            label[p * StanceNet.CLASSES + gold[pairs.get(p)[0]]] = 1f;
        }
        NDArray logp = logits.logSoftmax(-1);
        NDArray g = m.create(label, new Shape(k, StanceNet.CLASSES));
        NDArray own = m.create(pick, new Shape(k, gold.length)).matMul(logp).mul(g).sum(new int[] {1});
        NDArray theirs = m.create(other, new Shape(k, gold.length)).matMul(logp).mul(g).sum(new int[] {1});
        return own.sub(theirs).neg().add(PAIR_MARGIN).maximum(0f).mean();
    }

    /** Log-probability margin of {@link #pairLoss}. */
    private static final float PAIR_MARGIN = 1f;

    /**
     * Mean cross-entropy over rows whose gold label is not -1, against the one-hot gold label or,
     * where a row has teacher probabilities, against {@code (1 - w) * gold + w * teacher}.
     */
    static NDArray crossEntropy(NDManager m, NDArray logits, int[] gold, List<float[]> teacher, double w) {
        float[] target = new float[gold.length * StanceNet.CLASSES];
        int n = 0;
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] < 0) {
                continue;
            }
            float[] soft = teacher.get(i);
            for (int c = 0; c < StanceNet.CLASSES; c++) {
                float hard = c == gold[i] ? 1f : 0f;
                target[i * StanceNet.CLASSES + c] = soft == null ? hard : (float) ((1 - w) * hard + w * soft[c]);
            }
            n++;
        }
        NDArray t = m.create(target, new Shape(gold.length, StanceNet.CLASSES));
        return logits.logSoftmax(-1).mul(t).sum().neg().div(Math.max(1, n));
    }

    /**
     * The examples with their teachers' mean probabilities (softmax at temperature 1, no dropout)
     * for the sentiment and each mention's stance, computed once before training; the examples
     * unchanged without teachers. Each teacher is a model folder of the run's design and layers.
     */
    private List<Example> teach(NDManager manager, List<Example> examples) throws IOException, ModelLoadException {
        if (o.teachers().isEmpty()) {
            return examples;
        }
        int k = StanceNet.CLASSES;
        float[][] sentiment = new float[examples.size()][k];
        float[][][] stances = new float[examples.size()][][];
        for (int i = 0; i < examples.size(); i++) {
            stances[i] = new float[examples.get(i).stances().size()][k];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> examples.get(i).ids().length)); // little padding
        float share = 1f / o.teachers().size();
        for (Path dir : o.teachers()) {
            long t0 = System.nanoTime();
            ModelBundle teacher = fitting(dir, "teacher ");
            try (NDManager tm = manager.newSubManager()) {
                StanceNet net = new StanceNet(BaseModel.VOCAB, BaseModel.HIDDEN, BaseModel.HEADS, BaseModel.FFN, o.layers(), BaseModel.POSITIONS);
                net.load(tm, teacher.weights(), o.seed());
                for (int from = 0; from < order.size(); from += StanceModel.BATCH) {
                    List<Integer> part = order.subList(from, Math.min(order.size(), from + StanceModel.BATCH));
                    Batch b = new Batch(part.stream().map(i -> examples.get(i).item()).toList());
                    try (NDManager m = tm.newSubManager(); NDScope scope = new NDScope()) {
                        NDArray[] in = b.arrays(m);
                        NDList logits = net.heads(net.encode(in[0], in[5], in[1], 0f), in[2], in[3], in[4], 0f);
                        float[] ps = logits.get(0).softmax(-1).toFloatArray();
                        float[] pt = logits.get(1).softmax(-1).toFloatArray();
                        int row = 0;
                        for (int j = 0; j < part.size(); j++) {
                            int i = part.get(j);
                            for (int c = 0; c < k; c++) {
                                sentiment[i][c] += share * ps[j * k + c];
                            }
                            for (float[] s : stances[i]) {
                                for (int c = 0; c < k; c++) {
                                    s[c] += share * pt[row * k + c];
                                }
                                row++;
                            }
                        }
                    }
                }
            }
            log.printf("teacher %s: %d examples scored (%.0f s)%n", dir, examples.size(), (System.nanoTime() - t0) / 1e9);
        }
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            out.add(new Example(e.ids(), e.typeIds(), e.sentiment(), e.spans(), e.stances(), e.group(), sentiment[i], stances[i]));
        }
        return out;
    }

    /**
     * The weights training starts from: the base encoder, or all weights (heads included) of the
     * model bundle {@code --base} names, to go on fine-tuning it (say, on real text only).
     */
    private Map<String, Tensor> startingWeights() throws IOException, ModelLoadException {
        if (!continuing()) {
            baseModel = o.encoder().description();
            return o.encoder().weights(o.base());
        }
        ModelBundle start = fitting(o.base(), "");
        baseModel = start.config().baseModel();
        return new LinkedHashMap<>(start.weights());
    }

    /** The model bundle in {@code dir}, if it has this run's design and layers; {@code role} prefixes the error. */
    private ModelBundle fitting(Path dir, String role) throws IOException, ModelLoadException {
        ModelBundle b = ModelBundle.fromDirectory(dir);
        if (!b.config().design().equals(design()) || b.config().layers() != o.layers()) {
            throw new IllegalArgumentException(role + dir + " is a " + b.config().design() + " model with " + b.config().layers()
                    + " layers; this run trains " + design() + " with " + o.layers());
        }
        return b;
    }

    /** Whether {@code --base} names a model folder to go on fine-tuning (rather than base weights). */
    private boolean continuing() {
        return o.base() != null && Files.isDirectory(o.base());
    }

    private void write(Path dir, StanceNet net, byte[] vocab, String dataHash, double stanceT, double sentimentT,
                       Map<String, Double> dev, int epoch) throws IOException {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", o.epochs());
        training.put("bestEpoch", epoch);
        training.put("batchSize", o.batchSize());
        training.put("learningRate", o.learningRate());
        training.put("headLearningRate", o.headLearningRate());
        training.put("frozenLayers", o.frozenLayers());
        training.put("augmentation", o.augmentation());
        training.put("limit", o.limit());
        training.put("orderSeed", o.orderSeed());
        training.put("trainingFolders", o.trainDirs().stream().map(Path::toString).toList());
        training.put("pairLoss", o.pairLoss());
        if (!o.teachers().isEmpty()) {
            training.put("teachers", o.teachers().stream().map(Path::toString).toList());
            training.put("distillation", o.distillation());
        }
        if (continuing()) {
            training.put("startedFrom", o.base().toString());
        }
        ModelConfig config = new ModelConfig(ModelConfig.FORMAT, "0.1.0",
                baseModel,
                names(Stance.values()), names(Sentiment.values()), o.maxLength(), o.layers(), BaseModel.HIDDEN, BaseModel.HEADS,
                BaseModel.FFN, BaseModel.VOCAB, ModelBundle.sha256(vocab), dataHash, o.seed(), stanceT, sentimentT, dev, training, design());
        ModelBundle.write(dir, config, net.export(), vocab);
    }

    private Evaluator.Report evaluate(Path dir) throws IOException, ModelLoadException {
        return evaluate(dir, o.devDir());
    }

    private static Evaluator.Report evaluate(Path dir, Path devDir) throws IOException, ModelLoadException {
        try (StanceAnalyzer analyzer = StanceAnalyzer.builder().modelDirectory(dir).build()) {
            return Evaluator.evaluate(analyzer, Corpus.stance(devDir), Corpus.sentiment(devDir));
        }
    }

    private Map<String, Double> calibrate(Path dir) throws IOException, ModelLoadException {
        return calibrate(dir, o.devDir(), log);
    }

    /**
     * Fits each head's temperature of the bundle in {@code dir} on the dev set (grid search on
     * log-likelihood), scores it, and rewrites its manifest with both; returns the scores.
     */
    public static Map<String, Double> calibrate(Path dir, Path devDir, PrintStream log) throws IOException, ModelLoadException {
        return calibrate(dir, devDir, null, log);
    }

    /**
     * As {@link #calibrate(Path, Path, PrintStream)}, but with {@code given} = {stance, sentiment}
     * temperatures kept as they are instead of fitted on dev (for a model that was trained on the
     * dev split, where a fit would be in sample); null fits them.
     */
    public static Map<String, Double> calibrate(Path dir, Path devDir, double[] given, PrintStream log)
            throws IOException, ModelLoadException {
        checkTemperatures(given);
        double[] t = given != null ? given : fitTemperatures(dir, devDir);
        double stanceT = t[0];
        double sentimentT = t[1];
        ModelConfig c = ModelBundle.fromDirectory(dir).config();
        ModelConfig tuned = c.withCalibration(stanceT, sentimentT, c.dev());
        ModelBundle.writeManifest(dir, tuned);
        Evaluator.Report report = evaluate(dir, devDir);
        Map<String, Double> scores = new LinkedHashMap<>(report.headline());
        scores.put("stance.ece", Math.round(report.stance().ece() * 10000) / 10000.0);
        scores.put("sentiment.ece", Math.round(report.sentiment().ece() * 10000) / 10000.0);
        ModelBundle.writeManifest(dir, tuned.withCalibration(stanceT, sentimentT, scores));
        log.printf("temperatures: stance %.2f, sentiment %.2f%s%n", stanceT, sentimentT, given != null ? " (given)" : "");
        return scores;
    }

    /** Throws unless {@code given} is null or two finite positive temperatures, {stance, sentiment}. */
    public static void checkTemperatures(double[] given) {
        if (given != null && (given.length != 2 || !(Double.isFinite(given[0]) && given[0] > 0)
                || !(Double.isFinite(given[1]) && given[1] > 0))) {
            throw new IllegalArgumentException("temperatures: give two positive numbers, STANCE,SENTIMENT");
        }
    }

    /** {stance, sentiment} temperatures of the bundle in {@code dir}, fitted on the dev set. */
    private static double[] fitTemperatures(Path dir, Path devDir) throws IOException, ModelLoadException {
        List<StanceItem> stance = Corpus.stance(devDir);
        List<SentimentItem> sentiment = Corpus.sentiment(devDir);
        try (StanceAnalyzer analyzer = StanceAnalyzer.builder().modelDirectory(dir).build()) {
            List<StanceAnalyzer.StanceQuery> q = new ArrayList<>();
            for (StanceItem it : stance) {
                q.add(new StanceAnalyzer.StanceQuery(it.text(), it.target(), it.mention()));
            }
            List<Prediction<Stance>> ps = analyzer.stances(q);
            List<Prediction<Sentiment>> pm = analyzer.sentiments(sentiment.stream().map(SentimentItem::text).toList());
            return new double[] {
                fitTemperature(ps.stream().map(p -> logs(p.scores().values())).toList(),
                        stance.stream().mapToInt(it -> it.stance().ordinal()).toArray()),
                fitTemperature(pm.stream().map(p -> logs(p.scores().values())).toList(),
                        sentiment.stream().mapToInt(it -> it.sentiment().ordinal()).toArray())};
        }
    }

    /** The figure models are compared by: the mean of stance and sentiment macro-F1 on dev (0 where absent). */
    public static double devScore(Map<String, Double> dev) {
        return (dev.getOrDefault("stance.macro_f1", 0.0) + dev.getOrDefault("sentiment.macro_f1", 0.0)) / 2;
    }

    private static double[] logs(java.util.Collection<Double> probabilities) {
        return probabilities.stream().mapToDouble(p -> Math.log(Math.max(p, 1e-12))).toArray();
    }

    /** The temperature in 0.25..5 that maximises the likelihood of the gold labels. */
    static double fitTemperature(List<double[]> logits, int[] gold) {
        double bestT = 1;
        double bestNll = Double.MAX_VALUE;
        for (double t = 0.25; t <= 5.0001; t += 0.05) {
            double nll = 0;
            for (int i = 0; i < gold.length; i++) {
                double[] z = logits.get(i);
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v / t);
                }
                double sum = 0;
                for (double v : z) {
                    sum += Math.exp(v / t - max);
                }
                nll -= z[gold[i]] / t - max - Math.log(sum);
            }
            if (nll < bestNll) {
                bestNll = nll;
                bestT = t;
            }
        }
        return Math.round(bestT * 100) / 100.0;
    }

    private String design() {
        return o.design();
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(v.name());
        }
        return out;
    }

    private static String hash(List<Path> files) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path p : sorted) {
            all.write(Files.readAllBytes(p));
        }
        return ModelBundle.sha256(all.toByteArray());
    }

    /** AdamW with decoupled weight decay, updating the network's parameters in place. */
    private static final class AdamW {
        /** Each gradient value is clipped to [-CLIP, CLIP] before the step. */
        private static final float CLIP = 1f;
        private final List<NDArray> weights = new ArrayList<>();
        private final List<NDArray> means = new ArrayList<>();
        private final List<NDArray> variances = new ArrayList<>();
        private final List<Boolean> decay = new ArrayList<>();
        private final List<Boolean> head = new ArrayList<>();
        private int t;

        AdamW(StanceNet net, int frozenLayers) {
            for (String name : net.parameterNames()) {
                // the word embeddings stay as pretrained: half the weights, little to gain from 5,000 sentences
                boolean frozen = name.equals("embeddings.word_embeddings.weight") || frozenLayers > 0 && (name.startsWith("embeddings.")
                        || (name.startsWith("encoder.layer.") && Integer.parseInt(name.split("\\.")[2]) < frozenLayers));
                if (frozen) {
                    continue;
                }
                NDArray w = net.parameter(name).getArray();
                w.setRequiresGradient(true);
                weights.add(w);
                means.add(w.zerosLike());
                variances.add(w.zerosLike());
                decay.add(!name.endsWith("bias") && !name.contains("LayerNorm"));
                head.add(name.startsWith("head."));
            }
        }

        /** True if every gradient is finite; otherwise zeroes them all, so the batch is skipped. */
        boolean gradientsFinite() {
            boolean finite = true;
            for (NDArray w : weights) {
                if (!Float.isFinite(w.getGradient().abs().sum().getFloat())) {
                    finite = false;
                    break;
                }
            }
            if (!finite) {
                for (NDArray w : weights) {
                    NDArray g = w.getGradient();
                    g.set(g.isNaN().logicalOr(g.isInfinite()), 0f);
                    g.muli(0);
                }
            }
            return finite;
        }

        void update(double lr, double headLr) {
            t++;
            float b1 = 0.9f;
            float b2 = 0.999f;
            float correction = (float) (Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)));
            for (int i = 0; i < weights.size(); i++) {
                NDArray w = weights.get(i);
                float rate = (float) (head.get(i) ? headLr : lr);
                // PyTorch's fused AdamW step (updates weight, mean and variance in place, then zeroes the gradient)
                w.getNDArrayInternal().adamUpdate(new NDList(w, w.getGradient(), means.get(i), variances.get(i)), new NDList(w),
                        rate * correction, rate, decay.get(i) ? 0.01f : 0f, 1f, CLIP, b1, b2, 1e-8f, false, true);
            }
        }
    }
}
