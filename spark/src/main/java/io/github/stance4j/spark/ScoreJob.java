package io.github.stance4j.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * An example Spark job: reads JSONL (one JSON object per line, with an id and a text field),
 * scores it with {@link StanceSpark#score} and writes Parquet with the columns {@code id},
 * {@code sentences}, {@code blocs} and {@code error} (the command line's {@code score} record;
 * other fields of the input are left out).
 *
 * <pre>
 * spark-submit --class io.github.stance4j.spark.ScoreJob --master yarn stance4j-spark.jar \
 *     hdfs:///news/2024.jsonl hdfs:///scores/2024.parquet id text
 * </pre>
 *
 * <p>Arguments: input JSONL path, output Parquet path (must not exist yet), and optionally the id
 * and text field names (default {@code id} and {@code text}). Without a master set (by
 * spark-submit or {@code -Dspark.master}) it runs in local mode on all cores. Spark's JSON reader
 * gives a line without a text field, or with a null one, a null text, which becomes an error row;
 * it reads a text that is a number or an object as its JSON text.
 */
public final class ScoreJob {
    private ScoreJob() {}

    /**
     * Runs the job; exits with 2 on bad arguments, a missing input, an existing output or a
     * missing column, saying so in one line.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: ScoreJob INPUT.jsonl OUTPUT.parquet [ID_FIELD [TEXT_FIELD]]");
            System.exit(2);
        }
        String idCol = args.length > 2 ? args[2] : "id";
        String textCol = args.length > 3 ? args[3] : "text";
        SparkConf conf = new SparkConf().setAppName("stance4j-score").setIfMissing("spark.master", "local[*]");
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        int exit = 0;
        try {
            Summary s = run(spark, args[0], args[1], idCol, textCol);
            System.out.println("stance4j-spark: " + s.documents() + " documents, " + s.sentences() + " sentences, "
                    + s.errors() + " errors -> " + args[1]);
        } catch (Exception e) {
            if (!(e instanceof IllegalArgumentException || e instanceof AnalysisException)) {
                throw e;
            }
            System.err.println("stance4j-spark: " + e.getMessage());
            exit = 2;
        } finally {
            spark.stop();
        }
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** What a run wrote, counted from the Parquet it wrote. */
    public record Summary(long documents, long sentences, long errors) {}

    /**
     * Reads {@code input} (JSONL), scores it and writes {@code output} (Parquet), then reads the
     * output back and counts it.
     *
     * @throws IllegalArgumentException if the input has no field idCol or textCol
     */
    public static Summary run(SparkSession spark, String input, String output, String idCol, String textCol) {
        Dataset<Row> docs = spark.read().json(input);
        List<String> fields = Arrays.asList(docs.columns());
        for (String field : List.of(idCol, textCol)) {
            if (!fields.contains(field)) {
                throw new IllegalArgumentException("no field " + field + " in " + input + " (its fields: " + fields + ")");
            }
        }
        // like the command line's record: the id, then the results (the text is in the sentences)
        StanceSpark.score(docs.select(idCol, textCol), idCol, textCol).drop(textCol).write().parquet(output);
        Row counts = spark.read().parquet(output)
                .selectExpr("count(*)", "coalesce(sum(if(error IS NULL, size(sentences), 0)), 0)", "count(error)")
                .first();
        return new Summary(counts.getLong(0), counts.getLong(1), counts.getLong(2));
    }
}
