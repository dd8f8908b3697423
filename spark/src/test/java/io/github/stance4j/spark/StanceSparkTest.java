package io.github.stance4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class StanceSparkTest {
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("text", DataTypes.StringType);

    private static Dataset<Row> frame(List<Row> rows) {
        return LocalSpark.session().createDataFrame(rows, SCHEMA);
    }

    @Test
    void score_keepsRowsColumnsAndOrderAcrossPartitionsAndBatches() {
        String[] texts = {"NATO warned Moscow. ASEAN met.", "The EU welcomed the deal.", "BRICS leaders met in Kazan."};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            rows.add(RowFactory.create("d" + i, "wire", texts[i % texts.length]));
        }
        rows.set(33, RowFactory.create("d33", "wire", null));
        rows.set(40, RowFactory.create("d40", "wire", "a".repeat(StanceSpark.MAX_CHARS + 1)));
        Dataset<Row> df = frame(rows);
        assertTrue(df.javaRDD().getNumPartitions() > 1);

        Dataset<Row> scored = StanceSpark.score(df, "id", "text");
        List<Row> out = scored.collectAsList();

        assertEquals(List.of("id", "source", "text", "sentences", "blocs", "error"), Arrays.asList(scored.columns()));
        assertEquals(rows.stream().map(r -> r.getString(0)).toList(), out.stream().map(r -> r.getString(0)).toList());
        assertEquals("text is null", out.get(33).getAs("error"));
        assertEquals("text has 100001 characters, over the limit of 100000", out.get(40).getAs("error"));
        for (int i = 0; i < out.size(); i++) {
            Row r = out.get(i);
            if (i == 33 || i == 40) {
                assertNull(r.getAs("sentences"));
                continue;
            }
            assertNull(r.getAs("error"), r.getString(0));
            assertEquals("wire", r.getAs("source"));
            assertEquals(labels(out.get(i % texts.length)), labels(r), "the same text, the same labels: " + r.getString(0));
        }
        Row first = out.get(0);
        assertEquals(2, first.getList(first.fieldIndex("sentences")).size());
        List<Row> blocs = first.getList(first.fieldIndex("blocs"));
        assertEquals(List.of("NATO", "ASEAN"), blocs.stream().map(b -> (String) b.getAs("target")).toList());
        assertEquals(1, StanceSpark.loads(), "the model is loaded once per JVM");
    }

    /** Each sentence's text and sentiment, each bloc's stance (probabilities may differ in the last bits between batches). */
    private static List<String> labels(Row r) {
        List<String> out = new ArrayList<>();
        for (Row s : r.<Row>getList(r.fieldIndex("sentences"))) {
            out.add(s.getAs("text") + " " + s.<Row>getAs("sentiment").getAs("label"));
        }
        for (Row b : r.<Row>getList(r.fieldIndex("blocs"))) {
            out.add(b.getAs("target") + " " + b.getAs("label"));
        }
        return out;
    }

    @Test
    void score_nullFrame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StanceSpark.score(null, "id", "text"));
        assertEquals("df must not be null", e.getMessage());
    }

    @Test
    void score_missingIdColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StanceSpark.score(frame(List.of()), "doc_id", "text"));
        assertEquals("idCol: no column doc_id in [id, source, text]", e.getMessage());
    }

    @Test
    void score_missingTextColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StanceSpark.score(frame(List.of()), "id", "body"));
        assertEquals("textCol: no column body in [id, source, text]", e.getMessage());
    }

    @Test
    void score_textColumnNotString() {
        Dataset<Row> df = frame(List.of()).selectExpr("id", "length(text) AS text");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StanceSpark.score(df, "id", "text"));
        assertEquals("textCol: column text must be a string column, not int", e.getMessage());
    }

    @Test
    void score_frameAlreadyHasErrorColumn() {
        Dataset<Row> df = frame(List.of()).withColumnRenamed("source", "error");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StanceSpark.score(df, "id", "text"));
        assertEquals("df already has a column named error; rename or drop it first", e.getMessage());
    }
}
