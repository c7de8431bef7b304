package dev.sab.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * {@code sab}: the command line. Every error a user can cause ends as one line on stderr and exit
 * code 2; a stack trace is printed only with {@code --verbose}.
 */
@Command(name = "sab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "A laboratory for concurrency schedulers: runs the same workloads on an event loop, a Go-style",
                "G-M-P scheduler, JDK virtual threads and platform threads, and measures latency, throughput",
                "and memory side by side."},
        subcommands = {RunCommand.class, MergeCommand.class, CompareCommand.class, ListCommand.class, LoadCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 a trial or check failed, 2 bad usage or bad input."})
public final class SabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // report.html's charts are drawn with Java2D into SVG: no display is ever needed, and
        // without this a machine with $DISPLAY set but no X server would fail to draw them
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code; for tests, which must not exit the JVM. */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(new SabCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("sab: " + e.getMessage() + hint(e.getCommandLine()));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            PrintWriter err = c.getErr();
            if (e instanceof UsageError) {
                err.println("sab: " + e.getMessage());
                if (verbose) {
                    e.printStackTrace(err);
                }
                err.flush();
                return ExitCodes.USAGE;
            }
            err.println("sab: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.FAILED;
        });
        return cl.execute(args);
    }

    private static String hint(CommandLine where) {
        return " (see '" + where.getCommandSpec().qualifiedName() + " --help')";
    }
}
