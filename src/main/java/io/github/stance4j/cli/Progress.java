package io.github.stance4j.cli;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * What a user sees of a running job on stderr: a progress bar (documents done/total where known,
 * documents/s, sentences/s, errors so far, ETA), then a one-line summary. Called only by the
 * thread that runs the job; the bar redraws itself on its own timer.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final Counts before;
    private final long startNanos;
    private Counts now;
    private boolean closed;

    /**
     * @param bar whether to draw the bar
     * @param total documents in the input, or -1 if not known
     * @param before what earlier runs of a resumed job have done
     * @param startNanos when the run started ({@link System#nanoTime()}), so wall time includes loading the model
     */
    Progress(PrintStream err, boolean bar, long total, Counts before, long startNanos) {
        this.before = before;
        this.startNanos = startNanos;
        this.now = before;
        this.bar = !bar ? null : new ProgressBarBuilder()
                .setTaskName("score")
                .setInitialMax(total)
                .setUnit(" docs", 1)
                .showSpeed(new DecimalFormat("0.0"))
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(500)
                .startsFrom(before.records(), Duration.ZERO)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    /** Whether stderr is a terminal (a pipe or file is not). */
    static boolean stderrIsTerminal() {
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** Counts a batch that was written. */
    void advance(Counts batch) {
        now = now.plus(batch);
        if (bar != null) {
            bar.stepTo(now.records());
            bar.setExtraMessage(String.format(Locale.ROOT, ", %.1f sentences/s, %d errors", perSecond(now.sentences() - before.sentences()),
                    now.errors()));
        }
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private double perSecond(long n) {
        return n / Math.max(seconds(), 1e-3);
    }

    /**
     * The line that ends a run: documents, errors, sentences, wall time and throughput of this
     * run, and {@code how} it ran (workers and threads).
     */
    String summary(String how) {
        Counts run = now.minus(before);
        StringBuilder sb = new StringBuilder().append(now.records()).append(now.records() == 1 ? " document" : " documents");
        if (before.records() > 0) {
            sb.append(" (").append(run.records()).append(" in this run, resumed after ").append(before.records()).append(')');
        }
        if (now.errors() > 0) {
            sb.append(", ").append(now.errors()).append(" could not be scored (see their error records)");
        }
        sb.append(", ").append(now.sentences()).append(" sentences in ").append(duration(seconds()));
        sb.append(String.format(Locale.ROOT, ": %.1f documents/s, %.1f sentences/s (%s)", perSecond(run.records()), perSecond(run.sentences()), how));
        return sb.toString();
    }

    static String duration(double seconds) {
        if (seconds < 100) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /** Draws the bar's final state and ends its line. Safe to call twice. */
    @Override
    public void close() {
        if (bar != null && !closed) {
            bar.close();
        }
        closed = true;
    }
}
