package io.github.stance4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.TimeBudgetExceededException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A streaming scoring job: reads documents in batches, scores each batch on one of
 * {@code workers} threads (each calls the shared analyzer's {@code analyzeEach}), and writes the
 * batches in input order, committing the sink after each. At most {@code workers + 1} batches
 * are in memory, so memory stays flat however large the input. Exactly one output record per
 * input record: a record that cannot be scored gets {@code {"id","error"}}, and so does one that
 * takes longer than its time budget. Unpaired surrogates are written as U+FFFD.
 *
 * <p>Batches are cut at fixed record counts from the start of the input, so a resumed run scores
 * the same batches as an uninterrupted one. Run once, from one thread.
 */
final class ScoreJob {
    private final StanceAnalyzer analyzer;
    private final int workers;
    private final int batchSize;
    private final OutputFormat format;
    private final boolean single;
    private final Duration timeBudget;

    /** A scored batch: its bytes, ready to write, and what it holds. */
    private record Scored(byte[] bytes, Counts counts) {}

    /**
     * @param workers threads that score batches at the same time
     * @param batchSize documents per batch: the unit of work and of checkpointing
     * @param single whether the input is one document (json writes it as one object)
     * @param timeBudget the most time one document may take
     */
    ScoreJob(StanceAnalyzer analyzer, int workers, int batchSize, OutputFormat format, boolean single, Duration timeBudget) {
        this.analyzer = analyzer;
        this.workers = workers;
        this.batchSize = batchSize;
        this.format = format;
        this.single = single;
        this.timeBudget = timeBudget;
    }

    /**
     * Scores the rest of {@code reader} (whose first {@code done.records()} records are already in
     * the sink and have been skipped) and returns the totals of the whole output.
     */
    Counts run(DocumentReader reader, Sink sink, Counts done, Progress progress) throws IOException, InterruptedException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "stance4j-score-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Counts total = done;
            if (done.records() == 0) {
                sink.write(bytes(format.header(single)));
            }
            Deque<Future<Scored>> inFlight = new ArrayDeque<>();
            long submitted = done.records();
            for (List<Doc> batch = read(reader); !batch.isEmpty(); batch = read(reader)) {
                boolean first = submitted == 0;
                submitted += batch.size();
                List<Doc> docs = batch;
                inFlight.add(pool.submit(() -> score(docs, first)));
                if (inFlight.size() > workers) {
                    total = write(inFlight.poll(), sink, total, progress);
                }
            }
            while (!inFlight.isEmpty()) {
                total = write(inFlight.poll(), sink, total, progress);
            }
            sink.write(bytes(format.footer(total.records() > 0, single)));
            sink.commit(total, true);
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Doc> read(DocumentReader reader) throws IOException {
        List<Doc> batch = new ArrayList<>(batchSize);
        for (Doc d; batch.size() < batchSize && (d = reader.next()) != null; ) {
            batch.add(d);
        }
        return batch;
    }

    private static Counts write(Future<Scored> next, Sink sink, Counts total, Progress progress) throws IOException, InterruptedException {
        Scored s;
        try {
            s = next.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        sink.write(s.bytes());
        Counts t = total.plus(s.counts());
        sink.commit(t, false);
        progress.advance(s.counts());
        return t;
    }

    /**
     * Scores a batch in one {@code analyzeEach} call, each document within its own time budget;
     * if that call fails, one by one, so a bad document costs only its own record.
     */
    private Scored score(List<Doc> docs, boolean first) {
        List<Doc> ok = docs.stream().filter(d -> d.error() == null).toList();
        List<StanceAnalyzer.Outcome> outcomes;
        try {
            outcomes = analyzer.analyzeEach(ok.stream().map(Doc::text).toList(), timeBudget);
        } catch (RuntimeException e) {
            outcomes = null;
        }
        List<ObjectNode> records = new ArrayList<>(docs.size());
        long sentences = 0;
        long errors = 0;
        int k = 0;
        for (Doc d : docs) {
            ObjectNode record;
            if (d.error() != null) {
                record = Records.error(d.id(), d.error());
            } else if (outcomes != null) {
                StanceAnalyzer.Outcome o = outcomes.get(k++);
                record = o.result() != null ? Records.of(d.id(), o.result()) : Records.error(d.id(), o.error().getMessage());
            } else {
                record = alone(d);
            }
            sentences += record.path("sentences").size();
            errors += record.has("error") ? 1 : 0;
            records.add(record);
        }
        return new Scored(bytes(format.render(records, first, single)), new Counts(docs.size(), sentences, errors));
    }

    /** The record of one document analyzed alone within its budget; an exception becomes its error. */
    private ObjectNode alone(Doc d) {
        try {
            return Records.of(d.id(), analyzer.analyze(d.text(), timeBudget));
        } catch (TimeBudgetExceededException e) {
            return Records.error(d.id(), e.getMessage());
        } catch (RuntimeException e) {
            return Records.error(d.id(), "cannot score: " + e.getMessage());
        }
    }

    /**
     * {@code s} in UTF-8, each unpaired surrogate (from a JSON escape of one) as U+FFFD, the
     * replacement character, where Java's encoder would write "?": one char for one, so the
     * offsets in the output still index the input.
     */
    private static byte[] bytes(String s) {
        StringBuilder fixed = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                fixed = fixed != null ? fixed : new StringBuilder(s);
                fixed.setCharAt(i, '\uFFFD');
            }
        }
        return (fixed != null ? fixed.toString() : s).getBytes(StandardCharsets.UTF_8);
    }
}
