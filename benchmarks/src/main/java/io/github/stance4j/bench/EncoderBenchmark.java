package io.github.stance4j.bench;

import ai.onnxruntime.OrtException;
import io.github.stance4j.ModelLoadException;
import io.github.stance4j.model.ModelBundle;
import io.github.stance4j.model.StanceModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sentences per second through the encoder, tokenization included: the same first
 * {@value #SENTENCES} dev sentences per call, so the score is in sentences/s.
 *
 * <ul>
 *   <li>{@code stance4j}: {@code StanceModel.predict} on the sentences without mentions: the
 *       library's own batching (sorted by length, up to 32 sentences and 2048 tokens per batch,
 *       padded to the longest of the batch), the MiniLM encoder on DJL/PyTorch and the sentiment
 *       head;
 *   <li>{@code onnxRuntime}: the original ONNX graph in ONNX Runtime (ALL_OPT, same thread count)
 *       fed by HuggingFace tokenizers, corpus-order batches of 32 padded to their longest, reading
 *       back {@code last_hidden_state} (see {@link OrtEncoder}).
 * </ul>
 *
 * <p>Each side loads only its own engine (a state object per side), so a fork holds one engine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"})
public class EncoderBenchmark {
    /** Sentences per call. */
    static final int SENTENCES = 512;

    /** stance4j's inference core with the embedded model, and its inputs. */
    @State(Scope.Benchmark)
    public static class Stance4j {
        /** {@code embedded} (the shipped model) or a model folder, to set variants side by side: {@code -p model=embedded,DIR}. */
        @Param({Bench.EMBEDDED})
        public String model;

        StanceModel stanceModel;
        List<StanceModel.Input> inputs;

        @Setup(Level.Trial)
        public void load() throws ModelLoadException {
            Bench.configure();
            stanceModel = new StanceModel(Bench.bundle(model));
            inputs = new ArrayList<>();
            for (String s : Corpus.sentences(SENTENCES)) {
                inputs.add(new StanceModel.Input(s, List.of(), List.of()));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            stanceModel.close();
        }
    }

    /** ONNX Runtime with HuggingFace tokenizers, and the sentences. */
    @State(Scope.Benchmark)
    public static class OnnxRuntime {
        OrtEncoder encoder;
        List<String> sentences;

        @Setup(Level.Trial)
        public void load() throws IOException, OrtException {
            Bench.configure();
            encoder = new OrtEncoder();
            sentences = Corpus.sentences(SENTENCES);
        }

        @TearDown(Level.Trial)
        public void close() {
            encoder.close();
        }
    }

    /** stance4j: tokenize, batch by length, encode, sentiment head. */
    @Benchmark
    @OperationsPerInvocation(SENTENCES)
    public List<StanceModel.Output> stance4j(Stance4j s) {
        return s.stanceModel.predict(s.inputs);
    }

    /** ONNX Runtime: HF tokenize, corpus-order batches of 32, encode, read hidden states. */
    @Benchmark
    @OperationsPerInvocation(SENTENCES)
    public long onnxRuntime(OnnxRuntime s) throws OrtException {
        return s.encoder.encode(s.sentences);
    }
}
