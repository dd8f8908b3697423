package io.github.stance4j;

import io.github.stance4j.gazetteer.Gazetteer;
import io.github.stance4j.gazetteer.MentionResolver;
import io.github.stance4j.gazetteer.MentionResolver.Mention;
import io.github.stance4j.model.ModelBundle;
import io.github.stance4j.model.StanceModel;
import io.github.stance4j.model.TimeAccounts;
import io.github.stance4j.result.BlocSummary;
import io.github.stance4j.result.DocumentResult;
import io.github.stance4j.result.Prediction;
import io.github.stance4j.result.SentenceResult;
import io.github.stance4j.result.Sentiment;
import io.github.stance4j.result.Stance;
import io.github.stance4j.result.SummaryRule;
import io.github.stance4j.result.TargetMention;
import io.github.stance4j.text.SentenceSplitter;
import io.github.stance4j.text.SentenceSplitter.Span;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads news text and reports, sentence by sentence, its sentiment and its stance toward each bloc
 * it names or refers to, plus a per-document summary per bloc.
 *
 * <pre>{@code
 * try (StanceAnalyzer analyzer = StanceAnalyzer.create()) {
 *     DocumentResult r = analyzer.analyze("Lavrov warned that NATO's expansion threatens Asia.");
 *     System.out.println(r.blocs().get("NATO").stance().label()); // CAUTIONARY
 * }
 * }</pre>
 *
 * <p>The default model is embedded in the jar: nothing is downloaded and no path is needed. The
 * PyTorch native library is loaded from the jar as well (DJL's offline mode is switched on).
 *
 * <p><b>Thread safety:</b> an analyzer is immutable after creation and safe to share between
 * threads; calls run concurrently, each in its own native memory scope that is freed before the
 * call returns, and give the same results as the same calls made one after another. Create one
 * per application and close it once, after the last call. {@link #close()} while other threads
 * are still analyzing is safe: their calls fail with an {@link IllegalStateException} at their
 * next batch, and the native memory is freed as soon as the batches running then have ended
 * ({@code close()} waits for them).
 *
 * <p><b>Any text</b> gives a result or a documented exception, with work linear in its length:
 * empty or blank text gives no sentences; control characters, lone surrogates, zero-width and
 * bidi marks, emoji, CJK and right-to-left scripts and markup are read as text. A sentence longer
 * than the model's 128 tokens is read in overlapping windows; a sentence with many mentions gets
 * one model pass per distinct bloc. Text longer than {@link Builder#maxDocumentChars} characters
 * (default {@value #DEFAULT_MAX_DOCUMENT_CHARS}) is refused with an {@link IllegalArgumentException}.
 * A caller that must not wait long for any one document gives it a time budget
 * ({@link #analyze(String, Duration)}; for many documents, each its own:
 * {@link #analyzeEach(List, Duration)}), beyond which it stops with a
 * {@link TimeBudgetExceededException}.
 *
 * <p><b>Owns:</b> the model weights in native memory, released by {@link #close()}.
 */
public final class StanceAnalyzer implements AutoCloseable {
    static {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true"); // DJL must not probe the network for usage tracking
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR"); // no "no SLF4J providers" notice for users without a logger
        }
    }

    /** The longest text, in UTF-16 chars, that an analyzer accepts unless its builder says otherwise. */
    public static final int DEFAULT_MAX_DOCUMENT_CHARS = 1_000_000;

    private final StanceModel model;
    private final Gazetteer gazetteer;
    private final MentionResolver resolver;
    private final int maxDocumentChars;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StanceAnalyzer(StanceModel model, Gazetteer gazetteer, int maxDocumentChars) {
        this.model = model;
        this.gazetteer = gazetteer;
        this.resolver = new MentionResolver(gazetteer);
        this.maxDocumentChars = maxDocumentChars;
    }

    /**
     * An analyzer with the embedded model and the default gazetteer.
     *
     * @throws IllegalStateException if the embedded model cannot be loaded (a damaged jar)
     */
    public static StanceAnalyzer create() {
        try {
            return builder().build();
        } catch (ModelLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A builder for a custom model directory or gazetteer. */
    public static Builder builder() {
        return new Builder();
    }

    /** The gazetteer in use. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The model's manifest values that users may want to log: version, base model, dev scores. */
    public Map<String, Object> modelInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", model.config().version());
        info.put("baseModel", model.config().baseModel());
        info.put("trainingDataSha256", model.config().trainingDataSha256());
        info.put("dev", model.config().dev());
        return java.util.Collections.unmodifiableMap(info);
    }

    /** The longest text, in UTF-16 chars, that this analyzer accepts. */
    public int maxDocumentChars() {
        return maxDocumentChars;
    }

    /**
     * Analyzes one document.
     *
     * @throws IllegalArgumentException if text is null or longer than {@link #maxDocumentChars()}
     *     (the message gives both lengths)
     * @throws IllegalStateException if the analyzer is closed, or is closed during the call
     */
    public DocumentResult analyze(String text) {
        return analyzeAll(List.of(checkText(text))).get(0);
    }

    /**
     * Analyzes one document within a time budget, or throws. Results are those of
     * {@link #analyze(String)}.
     *
     * <pre>{@code
     * try {
     *     DocumentResult r = analyzer.analyze(text, Duration.ofSeconds(5));
     * } catch (TimeBudgetExceededException e) {
     *     System.err.println("skipped: " + e.getMessage()); // took longer than the 5 s time budget
     * }
     * }</pre>
     *
     * <p><b>What the budget bounds:</b> the call's time, checked all along the work: while the
     * text is split into sentences, searched for mentions and tokenized (every 4,096 characters,
     * and before each sentence), and before each model batch (up to {@value StanceModel#BATCH}
     * sentences or {@value StanceModel#TOKEN_BUDGET} tokens). A call that has run out of its
     * budget throws at the next check; before a model batch it also throws if the batch is
     * expected to end after the budget, without running it. So:
     * <ul>
     *   <li>no model batch is started that is expected to end after the budget;
     *   <li>the call ends after its budget only when a batch takes longer than expected (the
     *       machine got busier, a pause), by the part the estimate missed (at most that one
     *       batch), or by the work between two checks (4,096 characters, or one sentence's
     *       bookkeeping, linear in its length and mentions: tens of milliseconds at most for a
     *       100 KB sentence naming NATO 20,000 times);
     *   <li>it may throw before its budget has run out, by up to the expected time of one batch:
     *       an estimate too high turns away a document that would have fitted.
     * </ul>
     * The estimate: a batch takes what a small batch (under 512 padded tokens) takes plus, for
     * each padded token, what a large batch takes beyond that; each is the slowest of the recent
     * batches of this analyzer (of all its threads; a batch counts 5% less with each later one of
     * its kind), and until the first of its kind it is 100 ms, or 2 ms a token (a full batch:
     * 4.2 s). A call that has all its results but runs out while assembling them throws as well.
     *
     * @throws TimeBudgetExceededException if the analysis takes, or is expected to take, longer
     *     than {@code timeBudget}
     * @throws IllegalArgumentException if {@code timeBudget} is null, zero or negative, or as
     *     {@link #analyze(String)}
     * @throws IllegalStateException as {@link #analyze(String)}
     */
    public DocumentResult analyze(String text, Duration timeBudget) {
        return analyzeAll(List.of(checkText(text)), timeBudget).get(0);
    }

    /**
     * Analyzes many documents; sentences of all of them are batched together, which is faster
     * than one call per document. Results are in input order.
     *
     * @throws IllegalArgumentException if the list or any text is null, or a text is longer than
     *     {@link #maxDocumentChars()}; nothing is analyzed then
     * @throws IllegalStateException if the analyzer is closed, or is closed during the call
     */
    public List<DocumentResult> analyzeAll(List<String> texts) {
        return List.of(run(checkTexts(texts), new int[texts.size()], new TimeAccounts(1, Long.MAX_VALUE), null));
    }

    /**
     * {@link #analyzeAll(List)} within a time budget for the whole call, bounded as in
     * {@link #analyze(String, Duration)}. To give each document its own budget, use
     * {@link #analyzeEach(List, Duration)}.
     *
     * @throws TimeBudgetExceededException if the call takes, or is expected to take, longer than
     *     {@code timeBudget}; nothing is returned then
     * @throws IllegalArgumentException if {@code timeBudget} is null, zero or negative, or as
     *     {@link #analyzeAll(List)}
     * @throws IllegalStateException as {@link #analyzeAll(List)}
     */
    public List<DocumentResult> analyzeAll(List<String> texts, Duration timeBudget) {
        TimeAccounts call = new TimeAccounts(1, nanos(timeBudget));
        DocumentResult[] results = run(checkTexts(texts), new int[texts.size()], call, timeBudget);
        if (call.isOut(0)) {
            throw new TimeBudgetExceededException(timeBudget);
        }
        return List.of(results);
    }

    /**
     * Analyzes many documents batched together as {@link #analyzeAll(List)} does, each within its
     * own time budget: a document that runs out of it gets a {@link TimeBudgetExceededException}
     * as its outcome, the others their results, in input order.
     *
     * <pre>{@code
     * for (StanceAnalyzer.Outcome o : analyzer.analyzeEach(texts, Duration.ofSeconds(5))) {
     *     System.out.println(o.result() != null ? o.result().blocs() : o.error().getMessage());
     * }
     * }</pre>
     *
     * <p><b>What each budget bounds:</b> the time spent on its document: the document's own
     * splitting, mention finding and tokenizing, checked as in {@link #analyze(String, Duration)}
     * and stopped at the next check once its budget is spent; and its part of the model batches,
     * which hold sentences of several documents: each batch's time (counted from the end of the
     * batch before) is divided equally among its sentences, and each document is charged for its
     * own (a sentence that two documents share, in full to each). A document that has spent its
     * budget, or whose share of the next batch is expected to take it past its budget, is dropped
     * before that batch, so it costs the call at most its budget plus what the estimate missed,
     * as in {@link #analyze(String, Duration)}; the others go on. Time a document waits
     * while others are worked on is not charged to it, so the call may take longer than one
     * budget: at most the sum of what its documents spent. When no document runs out, the results
     * are those of {@link #analyzeAll(List)}, bit for bit; when one does, the batches after that
     * hold fewer sentences, which may change the last bits of the others' scores.
     *
     * @throws IllegalArgumentException if {@code timeBudget} is null, zero or negative, or as
     *     {@link #analyzeAll(List)}
     * @throws IllegalStateException as {@link #analyzeAll(List)}
     */
    public List<Outcome> analyzeEach(List<String> texts, Duration timeBudget) {
        long nanos = nanos(timeBudget);
        int[] group = new int[checkTexts(texts).size()];
        Arrays.setAll(group, d -> d);
        DocumentResult[] results = run(texts, group, new TimeAccounts(texts.size(), nanos), timeBudget);
        List<Outcome> out = new ArrayList<>(results.length);
        for (DocumentResult r : results) {
            out.add(r != null ? new Outcome(r, null) : new Outcome(null, new TimeBudgetExceededException(timeBudget)));
        }
        return out;
    }

    /**
     * One document's outcome in {@link #analyzeEach}: its result, or (result null) the exception
     * that says it ran out of its time budget.
     */
    public record Outcome(DocumentResult result, TimeBudgetExceededException error) {
        /** Checks that exactly one of the two is given. */
        public Outcome {
            if ((result == null) == (error == null)) {
                throw new IllegalArgumentException("an outcome has a result or an error, not " + (result == null ? "neither" : "both"));
            }
        }
    }

    /** {@code budget} in nanoseconds; a budget too long to count in nanoseconds is no budget. */
    private static long nanos(Duration budget) {
        if (budget == null || budget.isZero() || budget.isNegative()) {
            throw new IllegalArgumentException("timeBudget must be positive, got " + budget);
        }
        return budget.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : budget.toNanos();
    }

    /**
     * A check for work on {@code group} that began at {@code start} (System.nanoTime): throws once
     * the group has spent its budget, counting the time since then.
     */
    private static Runnable check(TimeAccounts accounts, int group, long start, Duration budget) {
        long left = accounts.left(group);
        return () -> {
            if (System.nanoTime() - start > left) {
                throw new TimeBudgetExceededException(budget);
            }
        };
    }

    /**
     * Analyzes {@code texts}, the work on text {@code d} charged to {@code group[d]}: each text is
     * split, searched for mentions and tokenized under its group's checks, then all are scored in
     * shared model batches ({@link StanceModel#predict(List, int[], TimeAccounts)}), then the
     * results are assembled. Returns the results in input order, null for the texts of groups that
     * ran out.
     */
    private DocumentResult[] run(List<String> texts, int[] group, TimeAccounts accounts, Duration budget) {
        int n = texts.size();
        List<List<Span>> spans = new ArrayList<>(Collections.nCopies(n, null));
        List<List<List<Mention>>> mentions = new ArrayList<>(Collections.nCopies(n, null));
        List<StanceModel.Plan> plans = new ArrayList<>();
        List<Integer> planGroup = new ArrayList<>();
        int[] firstPlan = new int[n];
        for (int d = 0; d < n; d++) {
            int g = group[d];
            firstPlan[d] = plans.size();
            if (accounts.isOut(g)) {
                continue;
            }
            String text = texts.get(d);
            long start = System.nanoTime();
            Runnable check = check(accounts, g, start, budget);
            try {
                List<Span> s = SentenceSplitter.split(text, check);
                List<List<Mention>> m = resolver.resolve(text, s, check);
                for (int i = 0; i < s.size(); i++) {
                    check.run();
                    plans.add(model.plan(input(text, s.get(i), m.get(i)), check));
                    planGroup.add(g);
                }
                spans.set(d, s);
                mentions.set(d, m);
            } catch (TimeBudgetExceededException e) {
                plans.subList(firstPlan[d], plans.size()).clear();
                planGroup.subList(firstPlan[d], planGroup.size()).clear();
            } finally {
                accounts.charge(g, System.nanoTime() - start);
            }
        }
        List<StanceModel.Output> outputs = model.predict(plans, planGroup.stream().mapToInt(Integer::intValue).toArray(), accounts);
        DocumentResult[] results = new DocumentResult[n];
        for (int d = 0; d < n; d++) {
            int g = group[d];
            if (accounts.isOut(g)) {
                continue;
            }
            long start = System.nanoTime();
            try {
                results[d] = result(texts.get(d), spans.get(d), mentions.get(d), outputs.subList(firstPlan[d], firstPlan[d] + spans.get(d).size()),
                        check(accounts, g, start, budget));
            } catch (TimeBudgetExceededException e) {
                // out of time while assembling: no result
            } finally {
                accounts.charge(g, System.nanoTime() - start);
            }
        }
        return results;
    }

    /** The model's input for one sentence: its text, and its mentions' spans relative to it. */
    private static StanceModel.Input input(String text, Span sentence, List<Mention> mentions) {
        List<int[]> local = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (Mention m : mentions) {
            local.add(new int[] {m.start() - sentence.start(), m.end() - sentence.start()});
            targets.add(m.target());
        }
        return new StanceModel.Input(text.substring(sentence.start(), sentence.end()), local, targets);
    }

    /** One document's result from its sentences' model outputs, running {@code check} before each sentence. */
    private static DocumentResult result(String text, List<Span> spans, List<List<Mention>> mentions, List<StanceModel.Output> outputs,
                                         Runnable check) {
        List<SentenceResult> sentences = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            check.run();
            Span span = spans.get(i);
            StanceModel.Output out = outputs.get(i);
            List<TargetMention> targets = new ArrayList<>();
            List<Mention> ms = mentions.get(i);
            for (int j = 0; j < ms.size(); j++) {
                Mention m = ms.get(j);
                targets.add(new TargetMention(m.target(), text.substring(m.start(), m.end()), m.start(), m.end(), m.implicit(),
                        Prediction.of(Stance.class, out.stance()[j])));
            }
            sentences.add(new SentenceResult(i, span.start(), span.end(), text.substring(span.start(), span.end()),
                    Prediction.of(Sentiment.class, out.sentiment()), targets));
        }
        return new DocumentResult(sentences, summarize(sentences));
    }

    /**
     * The stance of one sentence toward one target, for labelled items: {@code mention} is the
     * words in the sentence that refer to the target (null to find the target by the gazetteer,
     * or to read the whole sentence if it is not named there).
     */
    public Prediction<Stance> stance(String sentence, String target, String mention) {
        return stances(List.of(new StanceQuery(sentence, target, mention))).get(0);
    }

    /** One labelled stance question: a sentence, a target, and optionally the mention's words. */
    public record StanceQuery(String sentence, String target, String mention) {}

    /**
     * Batched {@link #stance(String, String, String)}; results in input order.
     *
     * @throws IllegalArgumentException if a sentence is null or longer than {@link #maxDocumentChars()}
     */
    public List<Prediction<Stance>> stances(List<StanceQuery> queries) {
        if (queries == null) {
            throw new IllegalArgumentException("queries must not be null");
        }
        checkOpen();
        List<StanceModel.Input> inputs = new ArrayList<>();
        for (StanceQuery q : queries) {
            if (q == null) {
                throw new IllegalArgumentException("queries must not hold null");
            }
            checkSize(q.sentence(), "sentence");
            io.github.stance4j.gazetteer.Bloc bloc = gazetteer.lookup(q.target());
            inputs.add(new StanceModel.Input(q.sentence(), List.of(gazetteer.locate(q.sentence(), q.target(), q.mention())),
                    List.of(bloc != null ? bloc.name() : String.valueOf(q.target()))));
        }
        List<Prediction<Stance>> out = new ArrayList<>();
        for (StanceModel.Output o : model.predict(inputs)) {
            out.add(Prediction.of(Stance.class, o.stance()[0]));
        }
        return out;
    }

    /**
     * The sentiment of each sentence, in input order.
     *
     * @throws IllegalArgumentException if a sentence is null or longer than {@link #maxDocumentChars()}
     */
    public List<Prediction<Sentiment>> sentiments(List<String> sentences) {
        if (sentences == null) {
            throw new IllegalArgumentException("sentences must not be null");
        }
        checkOpen();
        List<StanceModel.Input> inputs = new ArrayList<>();
        for (String s : sentences) {
            inputs.add(new StanceModel.Input(checkSize(s, "sentence"), List.of(), List.of()));
        }
        List<Prediction<Sentiment>> out = new ArrayList<>();
        for (StanceModel.Output o : model.predict(inputs)) {
            out.add(Prediction.of(Sentiment.class, o.sentiment()));
        }
        return out;
    }

    /** Per bloc, the document's summary under the analyzer's {@link SummaryRule}. */
    static Map<String, BlocSummary> summarize(List<SentenceResult> sentences) {
        return SummaryRule.DEFAULT.summarize(sentences);
    }

    /** The texts, once checked: not null, none null or longer than the limit; and the analyzer open. */
    private List<String> checkTexts(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts must not be null");
        }
        checkOpen();
        for (int d = 0; d < texts.size(); d++) {
            checkSize(texts.get(d), texts.size() == 1 ? "text" : "texts[" + d + "]");
        }
        return texts;
    }

    private static String checkText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        return text;
    }

    private String checkSize(String text, String what) {
        checkText(text);
        if (text.length() > maxDocumentChars) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s has %,d characters, more than this analyzer's limit of %,d (StanceAnalyzer.Builder.maxDocumentChars)",
                    what, text.length(), maxDocumentChars));
        }
        return text;
    }

    /** Native arrays the model holds now: its weights only, between calls. For tests. */
    int openNativeArrays() {
        return model.openArrays();
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("analyzer is closed");
        }
    }

    /**
     * Releases the model's native memory, after the model passes running now have ended (calls in
     * flight fail with an {@link IllegalStateException}). Safe to call twice; throws nothing checked.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }

    /**
     * Options for an analyzer: a model directory instead of the embedded model, a custom
     * gazetteer. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private Path modelDirectory;
        private Gazetteer gazetteer = Gazetteer.defaults();
        private int maxDocumentChars = DEFAULT_MAX_DOCUMENT_CHARS;

        private Builder() {}

        /**
         * Loads the model from a directory holding model.json, weights.bin and vocab.txt (as
         * {@code train} writes it) instead of the embedded one.
         */
        public Builder modelDirectory(Path dir) {
            if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
                throw new IllegalArgumentException("model directory does not exist: " + dir);
            }
            this.modelDirectory = dir;
            return this;
        }

        /** The targets to look for (see {@link Gazetteer#builder()}). */
        public Builder gazetteer(Gazetteer gazetteer) {
            if (gazetteer == null) {
                throw new IllegalArgumentException("gazetteer must not be null");
            }
            this.gazetteer = gazetteer;
            return this;
        }

        /**
         * The longest text, in UTF-16 chars, that {@code analyze} accepts (default
         * {@value StanceAnalyzer#DEFAULT_MAX_DOCUMENT_CHARS}); a longer one is refused with an
         * {@link IllegalArgumentException} before any work. Work and memory grow linearly with the
         * text up to this limit.
         *
         * @throws IllegalArgumentException if {@code chars} is not positive
         */
        public Builder maxDocumentChars(int chars) {
            if (chars <= 0) {
                throw new IllegalArgumentException("maxDocumentChars must be positive, got " + chars);
            }
            this.maxDocumentChars = chars;
            return this;
        }

        /**
         * Loads the model into native memory. A model folder is checked before anything is
         * scored: every file present, the manifest's format, the checksums of weights.bin and
         * vocab.txt, and every tensor the network needs.
         *
         * @throws ModelLoadException naming the file that is missing, damaged or of another version
         */
        public StanceAnalyzer build() throws ModelLoadException {
            ModelBundle bundle = modelDirectory == null ? ModelBundle.embedded() : ModelBundle.fromDirectory(modelDirectory);
            StanceModel model;
            try {
                model = new StanceModel(bundle);
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException(bundle.source() + ": " + e.getMessage(), e);
            }
            return new StanceAnalyzer(model, gazetteer, maxDocumentChars);
        }
    }
}
