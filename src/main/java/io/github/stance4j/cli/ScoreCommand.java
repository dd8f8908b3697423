package io.github.stance4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stance4j.StanceAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code score}: a streaming, resumable batch job. Reads JSONL (also .gz), CSV with a header, a
 * folder of .txt files, a text file or stdin; scores documents in batches on worker threads;
 * writes one record per input record, in input order, to stdout or to a file with a checkpoint
 * beside it, so that {@code --resume} continues an interrupted run.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score documents: a .jsonl file of {\"id\",\"text\"} lines (also .jsonl.gz), a .csv file with a header,"
                + " a folder of .txt files, a text file, or - for stdin (JSONL is detected).",
                "Writes one record per input record, in input order; a record that cannot be scored gets {\"id\",\"error\"}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was scored", "1:unexpected failure",
                "2:bad arguments, or an input or output that cannot be used", "3:the model cannot be loaded",
                "4:some records could not be scored (see their error records)"})
final class ScoreCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper();
    /** DJL reads PyTorch's intra-op thread count from this system property when the engine starts. */
    static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";
    /** The longest --time-budget, in seconds (a year): longer ones would overflow a Duration in nanoseconds. */
    static final long MAX_TIME_BUDGET = 31_536_000;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|DIR|-", description = "The input, as with --input.")
    String positional;

    @Option(names = {"-i", "--input"}, paramLabel = "PATH", description = "File, folder, or - for stdin (the default).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Write to PATH, with a checkpoint beside it (PATH.checkpoint), instead of stdout.")
    String output;

    @Option(names = "--resume", description = "Continue the run into --output from its checkpoint; a finished run is left as it is.")
    boolean resume;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Worker threads, each scoring a batch; PyTorch gets cores/N threads each (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--input-format", paramLabel = "jsonl|text|csv",
            description = "How to read the input (default: by its name; stdin is JSONL if its first line is a JSON object, else one text).")
    String inputFormat;

    @Option(names = "--text-field", defaultValue = "text", paramLabel = "F", description = "JSONL field or CSV column with the text (default: ${DEFAULT-VALUE}).")
    String textField;

    @Option(names = "--id-field", paramLabel = "F", description = "JSONL field or CSV column with the id (default: id; without one, line-N or row-N).")
    String idField;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, jsonl, csv, rows (flat JSONL, one row per document, sentence and target) or table"
                    + " (default: jsonl or csv if --output ends so, else json).")
    String format;

    @Option(names = "--max-chars", defaultValue = "100000", paramLabel = "N",
            description = "Longer texts are not scored; their record gets an error (default: ${DEFAULT-VALUE}).")
    int maxChars;

    @Option(names = "--time-budget", defaultValue = "60", paramLabel = "SECONDS",
            description = "The most time one document may spend (its own splitting, mention finding and tokenizing, and its share"
                    + " of the model batches); one that runs out stops within one model batch and its record gets an error,"
                    + " the others go on (default: ${DEFAULT-VALUE}).")
    BigDecimal timeBudget;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N",
            description = "Documents per batch: the unit of work and of checkpointing (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--progress", description = "Show the progress bar even when stderr is not a terminal.")
    boolean progress;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar, no summary.")
    boolean quiet;

    @Option(names = "--model", paramLabel = "DIR", description = "Model directory instead of the embedded model.")
    Path model;

    @Override
    public Integer call() throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        String in = checkArguments();
        OutputFormat fmt = OutputFormat.parse(format != null ? format : formatFor(output));
        Path out = output == null || output.equals("-") ? null : Path.of(output);
        if (resume && out == null) {
            throw new CliException("--resume needs --output PATH: only a file has a checkpoint to resume from", 2);
        }
        PrintStream err = System.err;
        Inputs.Options options = new Inputs.Options(textField, idField, maxChars);
        try (DocumentReader reader = Inputs.open(in, inputFormat, options, note -> say(note))) {
            if (out != null && !in.equals("-") && Files.exists(out) && Files.isSameFile(Path.of(in), out)) {
                throw new CliException("--output " + out + " is the input", 2);
            }
            Checkpoint start = out == null ? new Checkpoint(Map.of(), Counts.ZERO, 0, false) : Checkpoint.startingPoint(out, settings(in, fmt), resume);
            if (start.finished()) {
                say(out + " is complete (" + start.counts().records() + " records, " + start.counts().errors()
                        + " could not be scored); nothing to do");
                return start.counts().errors() == 0 ? 0 : 4;
            }
            reader.skip(start.counts().records());
            String how = pytorchThreads();
            Thread onInterrupt = new Thread(() -> err.println(System.lineSeparator() + "stance4j score: stopped; the same command with --resume"
                    + " continues from " + Checkpoint.pathFor(out)));
            if (out != null) {
                Runtime.getRuntime().addShutdownHook(onInterrupt);
            }
            boolean showBar = progress || (!quiet && !reader.oneDocument() && Progress.stderrIsTerminal());
            try (StanceAnalyzer analyzer = Analyzers.open(model, maxChars);
                 Sink sink = out == null ? Sink.of(System.out) : Sink.toFile(out, start);
                 Progress bar = new Progress(err, showBar, showBar ? reader.total() : -1, start.counts(), startNanos)) {
                ScoreJob job = new ScoreJob(analyzer, threads, batch, fmt, reader.oneDocument(), budget());
                Counts total = job.run(reader, sink, start.counts(), bar);
                bar.close();
                say(bar.summary(how));
                return total.errors() == 0 ? 0 : 4;
            } finally {
                if (out != null) {
                    removeHook(onInterrupt);
                }
            }
        }
    }

    private String checkArguments() {
        if (positional != null && input != null) {
            throw new CliException("give the input once: FILE or --input FILE, not both", 2);
        }
        if (threads < 1) {
            throw new CliException("--threads must be at least 1: " + threads, 2);
        }
        if (batch < 1) {
            throw new CliException("--batch must be at least 1: " + batch, 2);
        }
        if (maxChars < 1) {
            throw new CliException("--max-chars must be at least 1: " + maxChars, 2);
        }
        budget();
        if (progress && quiet) {
            throw new CliException("--progress and --quiet contradict each other", 2);
        }
        return input != null ? input : positional != null ? positional : "-";
    }

    /** --time-budget as a duration, or a CliException if it is under a nanosecond or over a year. */
    private Duration budget() {
        // compared before scaling: 1e999999999 or 1e-999999999 would take a billion digits in nanoseconds
        if (timeBudget.compareTo(new BigDecimal("0.0000000005")) < 0 || timeBudget.compareTo(BigDecimal.valueOf(MAX_TIME_BUDGET)) > 0) {
            throw new CliException("--time-budget must be above 0 and at most " + MAX_TIME_BUDGET + " seconds: " + timeBudget, 2);
        }
        return Duration.ofNanos(timeBudget.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static String formatFor(String output) {
        String name = output == null ? "" : output.toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") ? "jsonl" : name.endsWith(".csv") ? "csv" : "json";
    }

    /** What the output depends on: a resumed run must share all of it. */
    private Map<String, String> settings(String in, OutputFormat fmt) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("--input", in.equals("-") ? "-" : Path.of(in).toAbsolutePath().normalize().toString());
        s.put("--input-format", inputFormat == null ? "(by name)" : inputFormat);
        s.put("--text-field", textField);
        s.put("--id-field", idField == null ? "(id if present)" : idField);
        s.put("--max-chars", String.valueOf(maxChars));
        s.put("--format", fmt.name().toLowerCase(Locale.ROOT));
        s.put("--batch", String.valueOf(batch));
        s.put("--model", model == null ? "(embedded)" : model.toAbsolutePath().normalize().toString());
        return s;
    }

    /**
     * Gives PyTorch cores / workers intra-op threads, so workers times threads equals the cores,
     * unless the user set {@value #PYTORCH_THREADS}; it takes effect when the engine starts, so
     * only the first analyzer of a process gets it. Returns how the job runs, for the summary.
     */
    private String pytorchThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (System.getProperty(PYTORCH_THREADS) == null) {
            System.setProperty(PYTORCH_THREADS, String.valueOf(Math.max(1, cores / threads)));
        }
        String perWorker = System.getProperty(PYTORCH_THREADS);
        return threads + (threads == 1 ? " worker" : " workers") + " x " + perWorker + (perWorker.equals("1") ? " PyTorch thread" : " PyTorch threads")
                + " on " + cores + " cores";
    }

    private void say(String line) {
        if (!quiet) {
            System.err.println("stance4j score: " + line);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running
        }
    }
}
