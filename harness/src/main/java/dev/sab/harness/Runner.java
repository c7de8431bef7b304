package dev.sab.harness;

import dev.sab.harness.internal.ForkedTrial;
import dev.sab.reports.format.ReportFormat;
import dev.sab.reports.model.Environment;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summaries;
import dev.sab.reports.model.TrialResult;
import dev.sab.schedulers.Schedulers;
import dev.sab.workloads.Workloads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a matrix of cells, each for {@code trials} measured trials, and rewrites every output file
 * after each trial, so whatever has finished is on disk whatever happens next.
 */
public final class Runner {
    private final List<Cell> cells;
    private final RunOptions options;
    private final Environment environment;
    private final Path outDir;
    private final List<ReportFormat> formats;
    private final RunListener listener;

    public Runner(List<Cell> cells, RunOptions options, Environment environment, Path outDir,
                  List<ReportFormat> formats, RunListener listener) {
        this.cells = List.copyOf(cells);
        this.options = options;
        this.environment = environment;
        this.outDir = outDir;
        this.formats = List.copyOf(formats);
        this.listener = listener;
    }

    /** Runs every cell; returns the results, which are also written to the output directory. */
    public Results run() throws IOException, InterruptedException {
        List<RunResult> finished = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            Map<String, String> settings = Schedulers.validate(cell.scheduler()).asWritten();
            Map<String, String> params = Workloads.params(Workloads.info(cell.workload()), cell.params()).asWritten();
            List<TrialResult> trials = new ArrayList<>();
            for (int t = 1; t <= options.trials(); t++) {
                listener.trialStarting(c, cells.size(), cell, t, options.trials());
                TrialSpec spec = new TrialSpec(cell.scheduler(), cell.workload(), cell.params(), options.tasks(),
                        options.warmup(), options.timeoutMillis(), options.seed() + t);
                TrialResult result = options.fork() ? ForkedTrial.run(spec, options.jvmArgs()) : TrialRunner.run(spec);
                trials.add(result);
                listener.trialFinished(c, cells.size(), cell, t, options.trials(), result);
                List<RunResult> sofar = new ArrayList<>(finished);
                sofar.add(new RunResult(cell.scheduler(), settings, cell.workload(), params, trials, Summaries.of(trials)));
                write(new Results(Results.SCHEMA, environment, sofar));
            }
            finished.add(new RunResult(cell.scheduler(), settings, cell.workload(), params, trials, Summaries.of(trials)));
        }
        Results results = new Results(Results.SCHEMA, environment, finished);
        write(results);
        return results;
    }

    private void write(Results results) throws IOException {
        for (ReportFormat f : formats) {
            f.write(results, outDir);
        }
    }
}
