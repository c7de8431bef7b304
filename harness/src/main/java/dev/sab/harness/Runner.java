package dev.sab.harness;

import dev.sab.harness.internal.ForkedTrial;
import dev.sab.harness.internal.InProcessTrial;
import dev.sab.reports.format.ReportFormat;
import dev.sab.reports.format.ReportFormats;
import dev.sab.reports.model.Environment;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summaries;
import dev.sab.reports.model.TrialResult;
import dev.sab.schedulers.Schedulers;
import dev.sab.workloads.Workloads;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a matrix of cells, each for {@code trials} measured trials, and rewrites results.json (and
 * the other {@linkplain ReportFormats#incremental() incremental} formats) after each trial, so
 * whatever has finished is on disk whatever happens next; each format writes atomically (a reader
 * sees the previous file or the new one, never half of one). The derived formats are written when
 * the run ends or is stopped.
 *
 * <p>{@link #stop} may be called from any thread (the Ctrl-C handler): the trial in flight is
 * ended (its child process killed) and left out, the files are written once more, marked
 * interrupted, and {@link #run} returns.
 */
public final class Runner {
    private final List<Cell> cells;
    private final RunOptions options;
    private final Environment environment;
    private final String shard;
    private final Path outDir;
    private final List<ReportFormat> formats;
    private final RunListener listener;
    private final CountDownLatch done = new CountDownLatch(1);

    private volatile boolean stopping;
    private volatile ForkedTrial current;
    /** The runs so far, the last one possibly partial; guarded by {@code this}. */
    private final List<RunResult> runs = new ArrayList<>();

    public Runner(List<Cell> cells, RunOptions options, Environment environment, String shard, Path outDir,
                  List<ReportFormat> formats, RunListener listener) {
        this.cells = List.copyOf(cells);
        this.options = options;
        this.environment = environment;
        this.shard = shard;
        this.outDir = outDir;
        this.formats = List.copyOf(formats);
        this.listener = listener;
    }

    /** Runs every cell; returns the results, which are also written to the output directory. */
    public Results run() throws IOException, InterruptedException {
        try {
            for (int c = 0; c < cells.size() && !stopping; c++) {
                Cell cell = cells.get(c);
                Map<String, String> settings = Schedulers.validate(cell.scheduler()).asWritten();
                Map<String, String> params = Workloads.params(Workloads.info(cell.workload()), cell.params()).asWritten();
                List<String> jvmFlags = options.fork() ? ForkedTrial.jvmFlags(cell.scheduler(), options.trialJvmArgs()) : List.of();
                List<TrialResult> trials = new ArrayList<>();
                for (int t = 1; t <= options.trials() && !stopping; t++) {
                    listener.trialStarting(c, cells.size(), cell, t, options.trials());
                    TrialSpec spec = new TrialSpec(cell.scheduler(), cell.workload(), cell.params(), cell.tasks(),
                            cell.arrival().spec(), options.warmup(), options.timeoutMillis(), options.seed() + t);
                    TrialResult result = runTrial(spec);
                    if (stopping) {
                        break; // the trial in flight was cut short: it is not a finished trial
                    }
                    trials.add(result);
                    listener.trialFinished(c, cells.size(), cell, t, options.trials(), result);
                    RunResult run = new RunResult(cell.scheduler(), settings, cell.workload(), params, cell.tasks(),
                            cell.arrival().spec(), cell.index(), jvmFlags, trials, Summaries.of(trials));
                    synchronized (this) {
                        if (t > 1) {
                            runs.removeLast();
                        }
                        runs.add(run);
                        write(snapshot(), ReportFormats.incremental());
                    }
                }
            }
            synchronized (this) {
                Results results = snapshot();
                write(results, formats);
                return results;
            }
        } finally {
            listener.runFinished();
            done.countDown();
        }
    }

    private TrialResult runTrial(TrialSpec spec) throws InterruptedException {
        if (!options.fork()) {
            return InProcessTrial.run(spec);
        }
        ForkedTrial trial = new ForkedTrial(spec, options.trialJvmArgs());
        current = trial;
        try {
            if (stopping) {
                trial.cancel();
            }
            return trial.run();
        } finally {
            current = null;
        }
    }

    /** The results so far; marked interrupted once {@link #stop} was called. Thread-safe. */
    public synchronized Results snapshot() {
        Results r = Results.of(environment, shard, runs);
        return stopping ? r.markInterrupted() : r;
    }

    /**
     * Stops the run: ends the trial in flight and waits at most {@code wait} for {@link #run} to write
     * its last files and return; if it does not (an in-process trial cannot be ended from outside),
     * writes them itself. Any thread; returns the results as written.
     */
    public Results stop(Duration wait) throws InterruptedException {
        stopping = true;
        ForkedTrial trial = current;
        if (trial != null) {
            trial.cancel();
        }
        if (!done.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            synchronized (this) {
                Results results = snapshot();
                try {
                    write(results, formats);
                } catch (IOException ignored) {
                    // every finished trial is already on disk from the write after it
                }
                return results;
            }
        }
        return snapshot();
    }

    /** Whether {@link #stop} was called. */
    public boolean stopped() {
        return stopping;
    }

    private void write(Results results, List<ReportFormat> which) throws IOException {
        for (ReportFormat f : which) {
            f.write(results, outDir);
        }
    }
}
