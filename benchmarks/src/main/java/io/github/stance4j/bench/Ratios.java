package io.github.stance4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the README's results table, in markdown, from a JMH JSON results file: one row per
 * benchmark and metric with stance4j's score, the peer's, their ratio and the run's machine
 * columns.
 *
 * <pre>
 * java -cp target/benchmarks.jar io.github.stance4j.bench.Ratios [results.json] [--cpu "name"]
 * </pre>
 *
 * <p>In each benchmark class the method named {@code stance4j} is paired with the other method
 * (the peer). The ratio is stance4j ÷ peer: above 1 means stance4j is faster for throughputs
 * (sentences/s) and bigger for memory and times. The CPU column is read from
 * {@code /proc/cpuinfo} of the machine running this tool unless {@code --cpu} names it, so run
 * it where the benchmarks ran.
 */
public final class Ratios {
    private Ratios() {}

    /** Reads the results file (default {@code results.json}) and prints the table. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of("results.json");
        String cpu = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--cpu") && i + 1 < args.length) {
                cpu = args[++i];
            } else if (args[i].startsWith("-")) {
                System.err.println("usage: Ratios [results.json] [--cpu NAME]");
                System.exit(2);
            } else {
                file = Path.of(args[i]);
            }
        }
        if (!Files.exists(file)) {
            System.err.println("no results file: " + file.toAbsolutePath());
            System.exit(2);
        }
        System.out.print(table(new ObjectMapper().readTree(file.toFile()), cpu != null ? cpu : cpu()));
    }

    /** The markdown table for a parsed JMH results array. */
    static String table(JsonNode results, String cpu) {
        // class (+ params) -> method -> result
        Map<String, Map<String, JsonNode>> groups = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            int dot = name.lastIndexOf('.');
            String cls = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
            String key = cls + params(r);
            groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(name.substring(dot + 1), r);
        }
        // A stance4j variant (-p model=...) without a peer of its own is set beside the class's peer
        // that has no parameters (the peers take none), measured in the same run.
        List<String> borrowed = new ArrayList<>();
        for (Map.Entry<String, Map<String, JsonNode>> g : groups.entrySet()) {
            String cls = g.getKey().contains(" ") ? g.getKey().substring(0, g.getKey().indexOf(' ')) : g.getKey();
            Map<String, JsonNode> plain = groups.get(cls);
            if (g.getValue().size() == 1 && g.getValue().containsKey("stance4j") && plain != null && plain != g.getValue()) {
                plain.forEach((method, r) -> {
                    if (!method.equals("stance4j")) {
                        g.getValue().put(method, r);
                    }
                });
                if (!plain.containsKey("stance4j")) {
                    borrowed.add(cls);
                }
            }
        }
        borrowed.forEach(groups::remove);
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | stance4j | peer | ratio (stance4j ÷ peer) | unit | CPU | JDK | forks | iterations |\n");
        sb.append("|---|---:|---:|---:|---|---|---|---:|---|\n");
        for (Map.Entry<String, Map<String, JsonNode>> g : groups.entrySet()) {
            JsonNode own = g.getValue().get("stance4j");
            List<String> peers = g.getValue().keySet().stream().filter(m -> !m.equals("stance4j")).toList();
            for (String peerName : peers.isEmpty() ? java.util.Collections.<String>singletonList(null) : peers) { // one row per peer
                JsonNode peer = peerName == null ? null : g.getValue().get(peerName);
                JsonNode any = own != null ? own : peer;
                String label = g.getKey() + (peerName != null ? " (vs " + peerName + ")" : "");
                String machine = " | " + cpu + " | " + jdk(any) + " | " + any.path("forks").asInt() + " | " + iterations(any) + " |\n";
                sb.append(row(label, metric(own == null ? null : own.get("primaryMetric")),
                        metric(peer == null ? null : peer.get("primaryMetric")), unit(any.get("primaryMetric")))).append(machine);
                for (String secondary : secondaryNames(own, peer)) {
                    JsonNode a = own == null ? null : own.path("secondaryMetrics").get(secondary);
                    JsonNode b = peer == null ? null : peer.path("secondaryMetrics").get(secondary);
                    sb.append(row(label + " " + secondary, peak(a), peak(b), unit(a != null ? a : b))).append(machine);
                }
            }
        }
        return sb.toString();
    }

    private static String row(String label, double[] a, double[] b, String unit) {
        String ratio = a != null && b != null && b[0] != 0 ? String.format(Locale.ROOT, "%.2f", a[0] / b[0]) : "–";
        return "| " + label + " | " + score(a) + " | " + score(b) + " | " + ratio + " | " + unit;
    }

    /** {score, error} of a primary metric. */
    private static double[] metric(JsonNode m) {
        if (m == null) {
            return null;
        }
        return new double[] {m.get("score").asDouble(), m.path("scoreError").asDouble(Double.NaN)};
    }

    /**
     * A secondary metric: the largest per-iteration value (memory counters are summed by JMH
     * over iterations, so the score would be wrong with more than one), no error.
     */
    private static double[] peak(JsonNode m) {
        if (m == null) {
            return null;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode fork : m.path("rawData")) {
            for (JsonNode v : fork) {
                max = Math.max(max, v.asDouble());
            }
        }
        return new double[] {Double.isInfinite(max) ? m.get("score").asDouble() : max, Double.NaN};
    }

    private static String score(double[] s) {
        if (s == null) {
            return "–";
        }
        String v = format(s[0]);
        return Double.isNaN(s[1]) || s[1] == 0 ? v : v + " ± " + format(s[1]);
    }

    private static String format(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String unit(JsonNode m) {
        String u = m == null ? "" : m.path("scoreUnit").asText();
        return u.equals("ops/s") ? "sentences/s" : u.equals("#") ? "MiB" : u.equals("s/op") ? "s per run" : u;
    }

    private static List<String> secondaryNames(JsonNode a, JsonNode b) {
        List<String> names = new ArrayList<>();
        for (JsonNode r : new JsonNode[] {a, b}) {
            if (r == null) {
                continue;
            }
            Iterator<String> it = r.path("secondaryMetrics").fieldNames();
            while (it.hasNext()) {
                String n = it.next();
                if (!names.contains(n) && !n.startsWith("·")) { // skip profiler metrics such as ·gc.alloc.rate
                    names.add(n);
                }
            }
        }
        return names;
    }

    private static String params(JsonNode r) {
        JsonNode p = r.get("params");
        if (p == null || p.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = p.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(e.getKey().equals("model") && e.getValue().asText().equals(Bench.EMBEDDED))) { // the default: row pairs with its peer
                shown.add(e.getKey() + "=" + e.getValue().asText());
            }
        }
        return shown.isEmpty() ? "" : " (" + String.join(", ", shown) + ")";
    }

    private static String jdk(JsonNode r) {
        return r.path("jdkVersion").asText() + " " + r.path("vmName").asText();
    }

    private static String iterations(JsonNode r) {
        String mode = r.path("mode").asText();
        if (mode.equals("ss")) {
            return r.path("measurementIterations").asInt() + " single-shot";
        }
        int warmup = r.path("warmupIterations").asInt();
        return (warmup == 0 ? "no warmup + " : warmup + " × " + r.path("warmupTime").asText() + " warmup + ")
                + r.path("measurementIterations").asInt() + " × " + r.path("measurementTime").asText();
    }

    /** The CPU model and core count of this machine, from {@code /proc/cpuinfo}. */
    static String cpu() {
        String model = System.getProperty("os.arch");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: the architecture is all we know
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }
}
