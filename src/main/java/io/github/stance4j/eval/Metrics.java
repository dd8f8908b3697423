package io.github.stance4j.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classification scores for one set of predictions: accuracy, macro-F1, per-class precision,
 * recall and F1, the confusion matrix, and expected calibration error.
 *
 * @param labels label names, in index order
 * @param confusion confusion[gold][predicted]
 * @param ece expected calibration error over 10 equal-width confidence bins
 */
public record Metrics(String[] labels, int[][] confusion, double ece) {
    /** Computes metrics from gold labels, predicted labels and the predicted label's probability. */
    public static Metrics of(String[] labels, int[] gold, int[] predicted, double[] confidence) {
        int[][] c = new int[labels.length][labels.length];
        for (int i = 0; i < gold.length; i++) {
            c[gold[i]][predicted[i]]++;
        }
        double[] binConf = new double[10];
        double[] binAcc = new double[10];
        int[] binN = new int[10];
        for (int i = 0; i < gold.length; i++) {
            int b = Math.min(9, (int) (confidence[i] * 10));
            binConf[b] += confidence[i];
            binAcc[b] += gold[i] == predicted[i] ? 1 : 0;
            binN[b]++;
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (binN[b] > 0) {
                ece += Math.abs(binAcc[b] - binConf[b]) / Math.max(1, gold.length);
            }
        }
        return new Metrics(labels, c, ece);
    }

    /** Number of items. */
    public int count() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Share of items predicted right. */
    public double accuracy() {
        int right = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
        }
        return count() == 0 ? 0 : (double) right / count();
    }

    /** Precision of class k. */
    public double precision(int k) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[k];
        }
        return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
    }

    /** Recall of class k. */
    public double recall(int k) {
        int gold = 0;
        for (int v : confusion[k]) {
            gold += v;
        }
        return gold == 0 ? 0 : (double) confusion[k][k] / gold;
    }

    /** F1 of class k. */
    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the classes that occur in gold or predictions. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < labels.length; k++) {
            int gold = 0;
            int pred = 0;
            for (int i = 0; i < labels.length; i++) {
                gold += confusion[k][i];
                pred += confusion[i][k];
            }
            if (gold + pred > 0) {
                sum += f1(k);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The figures as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count());
        m.put("accuracy", round(accuracy()));
        m.put("macro_f1", round(macroF1()));
        m.put("ece", round(ece));
        Map<String, Object> per = new LinkedHashMap<>();
        for (int k = 0; k < labels.length; k++) {
            per.put(labels[k], Map.of("precision", round(precision(k)), "recall", round(recall(k)), "f1", round(f1(k))));
        }
        m.put("per_class", per);
        Map<String, Object> conf = new LinkedHashMap<>();
        for (int k = 0; k < labels.length; k++) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (int j = 0; j < labels.length; j++) {
                row.put(labels[j], confusion[k][j]);
            }
            conf.put(labels[k], row);
        }
        m.put("confusion", conf);
        return m;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** A readable block: accuracy, macro-F1, ECE, per-class table and confusion matrix (rows gold). */
    public String toText(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s: n=%d accuracy=%.4f macro-F1=%.4f ECE=%.4f%n", title, count(), accuracy(), macroF1(), ece));
        sb.append(String.format("  %-11s %9s %9s %9s%n", "class", "precision", "recall", "f1"));
        for (int k = 0; k < labels.length; k++) {
            sb.append(String.format("  %-11s %9.4f %9.4f %9.4f%n", labels[k], precision(k), recall(k), f1(k)));
        }
        sb.append("  confusion (rows gold, columns predicted):\n  ").append(String.format("%-11s", ""));
        for (String l : labels) {
            sb.append(String.format(" %11s", l));
        }
        sb.append('\n');
        for (int k = 0; k < labels.length; k++) {
            sb.append("  ").append(String.format("%-11s", labels[k]));
            for (int j = 0; j < labels.length; j++) {
                sb.append(String.format(" %11d", confusion[k][j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
