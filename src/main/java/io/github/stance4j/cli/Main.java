package io.github.stance4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The stance4j command line: {@code score}, {@code evaluate} and {@code train}. Users see one
 * clear line on bad input, never a stack trace (set {@code STANCE4J_DEBUG=1} for one).
 */
@Command(name = "stance4j", mixinStandardHelpOptions = true, version = "stance4j 0.1.0",
        description = "Stance toward named blocs and sentence sentiment for news text.",
        subcommands = {ScoreCommand.class, EvaluateCommand.class, TrainCommand.class, SoupCommand.class, StatsCommand.class})
public final class Main implements Runnable {
    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true"); // DJL must not probe the network for usage tracking
        }
        quietLogging();
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (System.getenv("STANCE4J_DEBUG") != null) {
                e.printStackTrace();
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            cmd.getErr().println("stance4j " + cmd.getCommandName() + ": error: " + message.lines().findFirst().orElse(""));
            return e instanceof CliException c ? c.exitCode() : 1;
        });
        return cli.execute(args);
    }

    private static void quietLogging() {
        // DJL logs through SLF4J; without a provider SLF4J prints a three-line warning on stderr.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
