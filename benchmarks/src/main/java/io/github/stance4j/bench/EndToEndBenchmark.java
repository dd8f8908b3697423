package io.github.stance4j.bench;

import ai.onnxruntime.OrtException;
import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.result.DocumentResult;
import io.github.stance4j.text.SentenceSplitter;
import io.github.stance4j.text.SentenceSplitter.Span;
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
 * Sentences per second from news documents to results: the same documents per call, holding
 * exactly {@value #SENTENCES} sentences (see {@link Corpus#documentsWithSentences}), so the score
 * is in sentences/s.
 *
 * <ul>
 *   <li>{@code stance4j}: {@code StanceAnalyzer.analyzeAll}, the whole pipeline: split into
 *       sentences, find bloc mentions, tokenize, batch, encode, stance and sentiment heads, per-bloc
 *       summaries;
 *   <li>{@code onnxRuntimePeer}: what an encoder-only pipeline costs: split the same documents with
 *       the library's {@link SentenceSplitter} (so both see the same sentences), HuggingFace
 *       tokenization and one ONNX Runtime forward per batch of 32 sentences in corpus order
 *       ({@link OrtEncoder}). It finds no mentions and runs no heads: it is the floor a pipeline
 *       on ONNX Runtime could reach, not a feature-for-feature equal.
 *   <li>{@code onnxRuntimeE5Peer}: the same on e5-small-v2 (12 layers, its int8 graph), the peer
 *       of a 12-layer model ({@code -p model=DIR}).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"})
public class EndToEndBenchmark {
    /** Sentences in the document corpus of one call. */
    static final int SENTENCES = 512;

    /** The documents, built once. */
    @State(Scope.Benchmark)
    public static class Documents {
        List<String> texts;

        @Setup(Level.Trial)
        public void load() {
            texts = Corpus.documentsWithSentences(SENTENCES);
        }
    }

    /** The analyzer with the embedded model. */
    @State(Scope.Benchmark)
    public static class Stance4j {
        /** {@code embedded} (the shipped model) or a model folder: {@code -p model=embedded,DIR}. */
        @Param({Bench.EMBEDDED})
        public String model;

        StanceAnalyzer analyzer;

        @Setup(Level.Trial)
        public void load() throws io.github.stance4j.ModelLoadException {
            Bench.configure();
            analyzer = Bench.analyzer(model);
        }

        @TearDown(Level.Trial)
        public void close() {
            analyzer.close();
        }
    }

    /** ONNX Runtime with HuggingFace tokenizers, on all-MiniLM-L6-v2 (6 layers). */
    @State(Scope.Benchmark)
    public static class OnnxRuntime {
        OrtEncoder encoder;

        String graph() {
            return Bench.ONNX_MODEL;
        }

        @Setup(Level.Trial)
        public void load() throws IOException, OrtException {
            Bench.configure();
            encoder = new OrtEncoder(graph());
        }

        @TearDown(Level.Trial)
        public void close() {
            encoder.close();
        }
    }

    /** The same on e5-small-v2 (12 layers), the int8 graph as its artifact ships it: the peer of a 12-layer model. */
    @State(Scope.Benchmark)
    public static class OnnxRuntimeE5 extends OnnxRuntime {
        @Override
        String graph() {
            return Bench.ONNX_MODEL_E5;
        }
    }

    /** stance4j: the full pipeline over every document in one batched call. */
    @Benchmark
    @OperationsPerInvocation(SENTENCES)
    public List<DocumentResult> stance4j(Stance4j s, Documents d) {
        return s.analyzer.analyzeAll(d.texts);
    }

    /** The peer: split, HF tokenize, ORT encode in corpus-order batches of 32. */
    @Benchmark
    @OperationsPerInvocation(SENTENCES)
    public long onnxRuntimePeer(OnnxRuntime s, Documents d) throws OrtException {
        return s.encoder.encode(split(d.texts));
    }

    /** The 12-layer peer: as {@link #onnxRuntimePeer} on e5-small-v2's int8 graph. */
    @Benchmark
    @OperationsPerInvocation(SENTENCES)
    public long onnxRuntimeE5Peer(OnnxRuntimeE5 s, Documents d) throws OrtException {
        return s.encoder.encode(split(d.texts));
    }

    /** Every sentence of the documents, in order. */
    static List<String> split(List<String> documents) {
        List<String> sentences = new ArrayList<>();
        for (String doc : documents) {
            for (Span span : SentenceSplitter.split(doc)) {
                sentences.add(doc.substring(span.start(), span.end()));
            }
        }
        return sentences;
    }
}
