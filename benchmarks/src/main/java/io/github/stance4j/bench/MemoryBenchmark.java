package io.github.stance4j.bench;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory of a long batch run: {@code passes} times over the end-to-end document corpus
 * ({@value EndToEndBenchmark#SENTENCES} sentences a pass), each side in its own fork (JMH forks
 * per benchmark method), in one single-shot iteration. The primary score is the run's time; the
 * memory figures are secondary metrics of the {@link Memory} counters:
 *
 * <ul>
 *   <li>{@code rssPeakMiB}: the fork's peak resident set ({@code VmHWM} in
 *       {@code /proc/self/status}) over its whole life: model loading and the run, Java heap and
 *       native memory (PyTorch or ONNX Runtime, the tokenizers) together;
 *   <li>{@code rssMiB}: the resident set at the end of the run ({@code VmRSS});
 *   <li>{@code heapPeakMiB}: the sum of the heap pools' peak use (an upper bound of the peak heap);
 *   <li>{@code heapUsedMiB}: the heap still in use after the run and a {@code System.gc()}.
 * </ul>
 *
 * <p>The sides are {@code stance4j} ({@code analyzeAll} over the corpus, once per pass) and
 * {@code onnxRuntimePeer} (the encoder-only peer of {@link EndToEndBenchmark}). Both forks get
 * {@code -Xmx4g}; the heap figures depend on the collector's appetite as much as on the code.
 *
 * <p>JMH sums EVENTS counters over iterations: keep one measurement iteration (the default here);
 * {@link Ratios} reads the largest per-iteration value.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"})
public class MemoryBenchmark {
    private static final double MIB = 1024.0 * 1024.0;

    /** Passes over the document corpus in one run. */
    @State(Scope.Benchmark)
    public static class Run {
        @Param("20")
        public int passes;
    }

    /** The memory figures, reported as secondary metrics. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Memory {
        /** Peak resident set of the fork, MiB. */
        public double rssPeakMiB;
        /** Resident set at the end of the run, MiB. */
        public double rssMiB;
        /** Sum of the heap pools' peak use, MiB. */
        public double heapPeakMiB;
        /** Heap in use after the run and a full collection, MiB. */
        public double heapUsedMiB;

        @Setup(Level.Iteration)
        public void reset() {
            rssPeakMiB = 0;
            rssMiB = 0;
            heapPeakMiB = 0;
            heapUsedMiB = 0;
        }

        void record() {
            long rss = procStatusKiB("VmRSS");
            rssMiB = mib(rss);
            rssPeakMiB = mib(Math.max(rss, procStatusKiB("VmHWM"))); // the kernel updates VmHWM lazily
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            heapPeakMiB = peak / MIB;
            System.gc();
            heapUsedMiB = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
        }
    }

    /** stance4j: {@code analyzeAll} over the corpus, {@code passes} times. */
    @Benchmark
    public int stance4j(EndToEndBenchmark.Stance4j s, EndToEndBenchmark.Documents d, Run run, Memory memory) {
        int sink = 0;
        for (int p = 0; p < run.passes; p++) {
            sink += s.analyzer.analyzeAll(d.texts).size();
        }
        memory.record();
        return sink;
    }

    /** The ONNX Runtime peer over the same corpus, {@code passes} times. */
    @Benchmark
    public long onnxRuntimePeer(EndToEndBenchmark.OnnxRuntime s, EndToEndBenchmark.Documents d, Run run, Memory memory)
            throws OrtException {
        long sink = 0;
        for (int p = 0; p < run.passes; p++) {
            sink += s.encoder.encode(EndToEndBenchmark.split(d.texts));
        }
        memory.record();
        return sink;
    }

    private static double mib(long kib) {
        return kib < 0 ? -1 : kib / 1024.0;
    }

    /** A {@code kB} line of {@code /proc/self/status}, or -1 where there is none (not Linux). */
    static long procStatusKiB(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: reported as -1
        }
        return -1;
    }
}
