package io.github.stance4j.bench;

import io.github.stance4j.tokenize.WordPieceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sentences per second of one thread encoding text to token ids, truncation 128, no padding. One
 * op is one sentence; the sentences of the dev set are taken in turn.
 *
 * <ul>
 *   <li>{@code stance4j}: the library's pure-Java {@link WordPieceTokenizer} on its fast path,
 *       {@code encodeInto} a reusable array (what the batch path of a user does);
 *   <li>{@code huggingFace}: HuggingFace {@code tokenizers} through DJL's JNI binding, ids only
 *       (see {@link HfTokenizer}).
 * </ul>
 *
 * <p>Both read the same vocabulary (the library ships all-MiniLM-L6-v2's {@code vocab.txt}; the
 * peer reads that model's {@code tokenizer.json}) and setup checks that they give the same ids
 * for every sentence of the corpus.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"})
public class TokenizerBenchmark {

    /** The sentences and both tokenizers, loaded once; checks their ids agree. */
    @State(Scope.Benchmark)
    public static class Tokenizers {
        String[] sentences;
        WordPieceTokenizer stance4j;
        HfTokenizer huggingFace;

        @Setup(Level.Trial)
        public void load() throws IOException {
            Bench.configure();
            List<String> s = Corpus.sentences();
            sentences = s.toArray(new String[0]);
            stance4j = WordPieceTokenizer.load(new ByteArrayInputStream(Bench.resource(Bench.STANCE4J_VOCAB)));
            huggingFace = new HfTokenizer();
            int[] ids = new int[Bench.MAX_LENGTH];
            for (String sentence : sentences) {
                int n = stance4j.encodeInto(sentence, Bench.MAX_LENGTH, ids, null, null, 0);
                long[] expected = huggingFace.ids(sentence);
                if (!Arrays.equals(Arrays.stream(ids, 0, n).asLongStream().toArray(), expected)) {
                    throw new IllegalStateException("the tokenizers disagree on: " + sentence);
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            huggingFace.close();
        }
    }

    /** One thread's place in the corpus and its reusable id buffer. */
    @State(Scope.Thread)
    public static class Cursor {
        final int[] ids = new int[Bench.MAX_LENGTH];
        int next;

        String next(String[] sentences) {
            String s = sentences[next];
            next = next + 1 == sentences.length ? 0 : next + 1;
            return s;
        }
    }

    /** stance4j's WordPiece tokenizer: ids written into a reused array. */
    @Benchmark
    public int stance4j(Tokenizers t, Cursor c) {
        int n = t.stance4j.encodeInto(c.next(t.sentences), Bench.MAX_LENGTH, c.ids, null, null, 0);
        return n + c.ids[n - 1];
    }

    /** HuggingFace tokenizers: encode, fetch the ids, free the encoding. */
    @Benchmark
    public long[] huggingFace(Tokenizers t, Cursor c) {
        return t.huggingFace.ids(c.next(t.sentences));
    }
}
