package dev.sab.harness.cli;

import dev.sab.harness.Runner;
import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.model.Results;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: the JVM runs its shutdown hooks, and this one stops the
 * runner (which kills the trial process in flight), waits for the last atomic write of the
 * results, and says where they are. Every trial finished before the signal is in results.json;
 * the one cut short is not.
 */
final class StopOnSignal {
    /** How long the hook waits for the runner to write its last files. */
    private static final Duration WAIT = Duration.ofSeconds(15);

    private StopOnSignal() {
    }

    static Results run(Runner runner, PrintStream err, Path dir) throws IOException, InterruptedException {
        AtomicBoolean over = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (over.get()) {
                return;
            }
            try {
                Results results = runner.stop(WAIT);
                long finished = results.runs().stream().mapToLong(r -> r.trials().size()).sum();
                err.println();
                err.println("sab: stopped; the " + finished + " finished trial" + (finished == 1 ? " is" : "s are") + " in "
                        + dir.resolve(JsonFormat.FILE));
                err.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sab-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runner.run();
        } finally {
            over.set(!runner.stopped());
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it reports
            }
        }
    }
}
