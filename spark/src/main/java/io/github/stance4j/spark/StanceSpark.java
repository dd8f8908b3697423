package io.github.stance4j.spark;

import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.result.BlocSummary;
import io.github.stance4j.result.DocumentResult;
import io.github.stance4j.result.Prediction;
import io.github.stance4j.result.SentenceResult;
import io.github.stance4j.result.Sentiment;
import io.github.stance4j.result.Stance;
import io.github.stance4j.result.TargetMention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a Spark DataFrame of news text with stance4j: per row, the sentences with their sentiment
 * and bloc stances, and the per-bloc summary, as typed columns.
 *
 * <pre>{@code
 * Dataset<Row> docs = spark.read().json("news.jsonl");                 // columns id, text, ...
 * Dataset<Row> scored = StanceSpark.score(docs, "id", "text");
 * scored.selectExpr("id", "inline(blocs)").where("label = 'CAUTIONARY'").show();
 * scored.write().parquet("scores.parquet");
 * }</pre>
 *
 * <p>{@link ScoreJob} is the whole job: JSONL in, Parquet out.
 *
 * <p>The result has the input's columns, in order, followed by:
 * <ul>
 *   <li>{@code sentences}: {@code array<struct<index:int, start:int, end:int, text:string,
 *       sentiment:struct<label:string, scores:struct<NEGATIVE,NEUTRAL,POSITIVE:double>>,
 *       targets:array<struct<target:string, mention:string, start:int, end:int, implicit:boolean,
 *       stance:struct<label:string, scores:struct<CAUTIONARY,SUPPORTIVE,NEUTRAL:double>>>>>>};
 *   <li>{@code blocs}: {@code array<struct<target:string, label:string,
 *       scores:struct<CAUTIONARY,SUPPORTIVE,NEUTRAL:double>, mentions:int, explicit_mentions:int>>},
 *       in order of first mention;
 *   <li>{@code error}: null, or why the row could not be scored (its text is null, longer than
 *       {@link #MAX_CHARS} characters, or the model failed on it); {@code sentences} and
 *       {@code blocs} are then null.
 * </ul>
 * They hold what the command line's {@code score --format json} record holds (there {@code blocs}
 * is an object keyed by target); offsets are UTF-16 indices into the text, and probabilities are
 * not rounded. A lone surrogate in a text is {@code ?} in every column (not U+FFFD as the command
 * line writes it): Spark stores each string as UTF-8 through Java's encoder
 * ({@code UTF8String.fromString}), which writes {@code ?}, already when it reads the input.
 *
 * <p><b>How it runs:</b> one {@link StanceAnalyzer} with the embedded model per JVM, loaded by the
 * first task that needs it and shared by all later tasks in that executor (never one per row or
 * per task); a partition's rows go through {@link StanceAnalyzer#analyzeAll} {@value #BATCH} at a
 * time, streamed, in input order. The analyzer is never closed: it lives as long as the executor.
 * An executor running N tasks at once gives each PyTorch's default thread count (all its cores);
 * to avoid oversubscribing, pass {@code -Dai.djl.pytorch.num_threads=1} in
 * {@code spark.executor.extraJavaOptions} when N equals the executor's cores.
 *
 * <p><b>Thread safety:</b> stateless and safe to call from any thread; the shared analyzer is
 * thread-safe.
 */
public final class StanceSpark {
    /** Rows per {@code analyzeAll} call, as the command line's default {@code --batch}. */
    public static final int BATCH = 32;
    /** Longest text scored, in characters, as the command line's default {@code --max-chars}. */
    public static final int MAX_CHARS = 100_000;

    private static final StructType STANCE_SCORES = scores(Stance.class);
    private static final StructType TARGET = new StructType()
            .add("target", DataTypes.StringType, false)
            .add("mention", DataTypes.StringType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("implicit", DataTypes.BooleanType, false)
            .add("stance", prediction(STANCE_SCORES), false);
    private static final StructType SENTENCE = new StructType()
            .add("index", DataTypes.IntegerType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, false)
            .add("sentiment", prediction(scores(Sentiment.class)), false)
            .add("targets", DataTypes.createArrayType(TARGET, false), false);
    private static final StructType BLOC = new StructType()
            .add("target", DataTypes.StringType, false)
            .add("label", DataTypes.StringType, false)
            .add("scores", STANCE_SCORES, false)
            .add("mentions", DataTypes.IntegerType, false)
            .add("explicit_mentions", DataTypes.IntegerType, false);
    private static final List<String> ADDED = List.of("sentences", "blocs", "error");

    private static volatile StanceAnalyzer analyzer;
    private static final AtomicInteger LOADS = new AtomicInteger();

    private StanceSpark() {}

    /**
     * The rows of {@code df} with the columns {@code sentences}, {@code blocs} and {@code error}
     * appended (see the class comment), in the same order. Lazy, as any Spark transformation: the
     * model runs when an action (write, collect, ...) runs.
     *
     * @param idCol the column that identifies a document; carried through unchanged
     * @param textCol the string column holding the text
     * @throws IllegalArgumentException if a column is missing, the text column is not a string
     *     column, or {@code df} already has a column named sentences, blocs or error
     */
    public static Dataset<Row> score(Dataset<Row> df, String idCol, String textCol) {
        if (df == null) {
            throw new IllegalArgumentException("df must not be null");
        }
        StructType in = df.schema();
        List<String> columns = Arrays.asList(in.fieldNames());
        if (!columns.contains(idCol)) {
            throw new IllegalArgumentException("idCol: no column " + idCol + " in " + columns);
        }
        if (!columns.contains(textCol)) {
            throw new IllegalArgumentException("textCol: no column " + textCol + " in " + columns);
        }
        DataType textType = in.apply(textCol).dataType();
        if (!textType.equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("textCol: column " + textCol + " must be a string column, not " + textType.simpleString());
        }
        for (String added : ADDED) {
            if (columns.contains(added)) {
                throw new IllegalArgumentException("df already has a column named " + added + "; rename or drop it first");
            }
        }
        StructType out = in
                .add("sentences", DataTypes.createArrayType(SENTENCE, false), true)
                .add("blocs", DataTypes.createArrayType(BLOC, false), true)
                .add("error", DataTypes.StringType, true);
        return df.mapPartitions(new ScorePartition(in.fieldIndex(textCol), textCol), Encoders.row(out));
    }

    /** The analyzer of this JVM, loaded on first use. */
    static StanceAnalyzer analyzer() {
        StanceAnalyzer a = analyzer;
        if (a == null) {
            synchronized (StanceSpark.class) {
                a = analyzer;
                if (a == null) {
                    a = StanceAnalyzer.create();
                    LOADS.incrementAndGet();
                    analyzer = a;
                }
            }
        }
        return a;
    }

    /** How many times this JVM has loaded the model (for tests: once). */
    static int loads() {
        return LOADS.get();
    }

    /** Scores the rows of one partition, {@value #BATCH} at a time, as they are consumed. */
    private static final class ScorePartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final int textIndex;
        private final String textCol;

        ScorePartition(int textIndex, String textCol) {
            this.textIndex = textIndex;
            this.textCol = textCol;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                private Iterator<Row> scored = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!scored.hasNext() && rows.hasNext()) {
                        List<Row> batch = new ArrayList<>(BATCH);
                        while (batch.size() < BATCH && rows.hasNext()) {
                            batch.add(rows.next());
                        }
                        scored = score(batch).iterator();
                    }
                    return scored.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return scored.next();
                }
            };
        }

        /** One {@code analyzeAll} call for the batch; if it fails, one by one, so a bad text costs only its own row. */
        private List<Row> score(List<Row> batch) {
            String[] errors = new String[batch.size()];
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                String text = batch.get(i).getString(textIndex);
                if (text == null) {
                    errors[i] = textCol + " is null";
                } else if (text.length() > MAX_CHARS) {
                    errors[i] = textCol + " has " + text.length() + " characters, over the limit of " + MAX_CHARS;
                } else {
                    texts.add(text);
                }
            }
            StanceAnalyzer a = analyzer();
            List<DocumentResult> results;
            try {
                results = a.analyzeAll(texts);
            } catch (RuntimeException e) {
                results = null;
            }
            List<Row> out = new ArrayList<>(batch.size());
            int k = 0;
            for (int i = 0; i < batch.size(); i++) {
                Row row = batch.get(i);
                if (errors[i] != null) {
                    out.add(append(row, null, null, errors[i]));
                    continue;
                }
                try {
                    DocumentResult r = results != null ? results.get(k) : a.analyze(texts.get(k));
                    out.add(append(row, sentences(r), blocs(r), null));
                } catch (RuntimeException e) {
                    out.add(append(row, null, null, "cannot score: " + e.getMessage()));
                }
                k++;
            }
            return out;
        }
    }

    private static Row append(Row row, Object sentences, Object blocs, String error) {
        Object[] values = new Object[row.length() + ADDED.size()];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        values[row.length()] = sentences;
        values[row.length() + 1] = blocs;
        values[row.length() + 2] = error;
        return RowFactory.create(values);
    }

    private static Row[] sentences(DocumentResult r) {
        Row[] out = new Row[r.sentences().size()];
        for (int i = 0; i < out.length; i++) {
            SentenceResult s = r.sentences().get(i);
            Row[] targets = new Row[s.targets().size()];
            for (int j = 0; j < targets.length; j++) {
                TargetMention t = s.targets().get(j);
                targets[j] = RowFactory.create(t.target(), t.mention(), t.start(), t.end(), t.implicit(), prediction(t.stance()));
            }
            out[i] = RowFactory.create(s.index(), s.start(), s.end(), s.text(), prediction(s.sentiment()), targets);
        }
        return out;
    }

    private static Row[] blocs(DocumentResult r) {
        List<Row> out = new ArrayList<>();
        for (BlocSummary b : r.blocs().values()) {
            out.add(RowFactory.create(b.target(), b.stance().label().name(), scores(b.stance()), b.mentions(), b.explicitMentions()));
        }
        return out.toArray(new Row[0]);
    }

    private static Row prediction(Prediction<?> p) {
        return RowFactory.create(p.label().name(), scores(p));
    }

    /** The probabilities in the enum's order, which is the order of the scores struct's fields. */
    private static Row scores(Prediction<?> p) {
        return RowFactory.create(p.scores().values().toArray());
    }

    private static StructType scores(Class<? extends Enum<?>> labels) {
        StructType t = new StructType();
        for (Enum<?> label : labels.getEnumConstants()) {
            t = t.add(label.name(), DataTypes.DoubleType, false);
        }
        return t;
    }

    private static StructType prediction(StructType scores) {
        return new StructType().add("label", DataTypes.StringType, false).add("scores", scores, false);
    }
}
