package dev.sab.harness.cli;

import dev.sab.harness.Cell;
import dev.sab.harness.RunListener;
import dev.sab.harness.internal.LibC;
import dev.sab.reports.format.Units;
import dev.sab.reports.model.TrialResult;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.time.Duration;

/**
 * Progress on stderr: a progress bar (me.tongfei:progressbar) with the current cell, trial and an
 * ETA when stderr is a terminal; one plain line per finished trial when it is not (a log file, CI);
 * nothing with {@code --quiet}.
 */
final class Progress {
    private static final int STDERR = 2;

    private Progress() {
    }

    static RunListener on(PrintStream err, boolean quiet, int cells, int trials) {
        if (quiet) {
            return RunListener.SILENT;
        }
        if (err == System.err && stderrIsTerminal()) {
            return new Bar(err, cells * trials);
        }
        return new Lines(err);
    }

    /** isatty(2), through the foreign-function API; false wherever it cannot be asked. */
    private static boolean stderrIsTerminal() {
        MethodHandle isatty = LibC.find("isatty", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        try {
            return isatty != null && (int) isatty.invokeExact(STDERR) == 1;
        } catch (Throwable e) {
            return false;
        }
    }

    private static String outcome(TrialResult result) {
        return result.ok()
                ? "ok  p50 " + Units.nanos(result.latencyNs().p50()) + "  p99 " + Units.nanos(result.latencyNs().p99())
                + "  " + Units.rate(result.throughputPerSec())
                : "FAILED: " + result.error();
    }

    /** One line per finished trial. */
    private static final class Lines implements RunListener {
        private final PrintStream err;
        private long started;

        Lines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void trialStarting(int cellIndex, int cells, Cell cell, int trial, int trials) {
            started = System.nanoTime();
        }

        @Override
        public void trialFinished(int cellIndex, int cells, Cell cell, int trial, int trials, TrialResult result) {
            err.printf("[%d/%d] %s  trial %d/%d  %s  (%s)%n", cellIndex + 1, cells, cell, trial, trials, outcome(result),
                    Units.nanos(System.nanoTime() - started));
            err.flush();
        }
    }

    /** A bar over every trial of the run; failed trials are also printed above it. */
    private static final class Bar implements RunListener {
        private final PrintStream err;
        private final int total;
        private ProgressBar bar;

        Bar(PrintStream err, int total) {
            this.err = err;
            this.total = total;
        }

        @Override
        public void trialStarting(int cellIndex, int cells, Cell cell, int trial, int trials) {
            if (bar == null) {
                bar = new ProgressBarBuilder()
                        .setTaskName("sab run")
                        .setInitialMax(total)
                        .setUnit(" trials", 1)
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                        .setConsumer(new ConsoleProgressBarConsumer(err))
                        .setUpdateIntervalMillis(250)
                        .setEtaFunction(state -> state.getCurrent() == 0 ? java.util.Optional.empty()
                                : java.util.Optional.of(Duration.ofNanos(
                                state.getElapsedAfterStart().toNanos() / state.getCurrent() * (state.getMax() - state.getCurrent()))))
                        .build();
            }
            bar.setExtraMessage(String.format(" [%d/%d] %s  trial %d/%d", cellIndex + 1, cells, cell, trial, trials));
        }

        @Override
        public void trialFinished(int cellIndex, int cells, Cell cell, int trial, int trials, TrialResult result) {
            if (bar == null) {
                return;
            }
            bar.step();
            if (!result.ok()) {
                bar.setExtraMessage(String.format(" [%d/%d] %s  trial %d/%d %s", cellIndex + 1, cells, cell, trial, trials,
                        outcome(result)));
            }
            if (bar.getCurrent() >= total) {
                runFinished();
            }
        }

        @Override
        public void runFinished() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
