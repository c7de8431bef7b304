package dev.sab.harness.cli;

import dev.sab.harness.Cell;
import dev.sab.harness.EnvironmentProbe;
import dev.sab.harness.Estimate;
import dev.sab.harness.Experiment;
import dev.sab.harness.ExperimentFile;
import dev.sab.harness.Matrix;
import dev.sab.harness.RunOptions;
import dev.sab.harness.Runner;
import dev.sab.harness.Shard;
import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.format.ReportFormat;
import dev.sab.reports.format.ReportFormats;
import dev.sab.reports.format.SummaryTable;
import dev.sab.reports.model.Results;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Durations;
import dev.sab.schedulers.SchedulerProvider;
import dev.sab.schedulers.SchedulerSpec;
import dev.sab.schedulers.Schedulers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sab run}: runs an experiment (a file, the options given, or both: options override the
 * file) and writes the results. With no {@code -f}, {@code -s} or {@code -w} it runs the bundled
 * default experiment.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs every workload on every scheduler, --trials times each, and writes",
                "results.json, summary.md, trials.csv, latency.hlog and hgrm/ to --out.",
                "With no -f, -s or -w it runs the default experiment",
                "(experiments/default.yaml); options given with -f override the file."},
        footer = {"", "Examples:",
                "  sab run                        the default comparison (under 2 minutes)",
                "  sab run -f heavy-vs-light      a curated experiment (see experiments/)",
                "  sab run -s platform -s virtual -w sleep,cpu --tasks 1000",
                "  sab run -s virtual -w sleep --rate 2000/s --arrival poisson",
                "  sab run -s gmp -s virtual -w cpu --tasks 10000 --spawner thread,task",
                "  sab run -f sweep.yaml --shard 2/8   one slice of 8; sab merge joins them",
                "", "Exit codes: 0 ok, 1 a trial failed (results still written),",
                "2 bad usage or bad input, 130 stopped (Ctrl-C)."})
final class RunCommand implements Callable<Integer> {

    enum Format { table, json }

    @Option(names = {"-f", "--file"}, paramLabel = "EXPERIMENT",
            description = "An experiment file (YAML), or the name of a bundled one: " + "default, heavy-vs-light, million-tasks, shared-counters, spawners, syscall-handoff.")
    String file;

    @Option(names = {"-s", "--scheduler"}, paramLabel = "SPEC",
            description = "A scheduler spec, name[:key=value,...]; repeatable, and one value may hold several "
                    + "(a token without '=' starts the next). Default: every scheduler. See 'sab list schedulers'.")
    List<String> schedulers = new ArrayList<>();

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME", split = ",",
            description = "Workloads, repeatable or comma-separated. Default: every workload. See 'sab list workloads'.")
    List<String> workloads = new ArrayList<>();

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A workload parameter, for every selected workload that takes it; workload.key=value "
                    + "for one workload only.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--tasks", paramLabel = "N", description = "Tasks per trial (default: " + Experiment.DEFAULT_TASKS + ").")
    Integer tasks;

    @Option(names = "--trials", paramLabel = "T", description = "Measured trials per cell (default: " + Experiment.DEFAULT_TRIALS + ").")
    Integer trials;

    @Option(names = "--warmup", paramLabel = "W",
            description = "Unrecorded warm-up iterations before the measured one, in each trial's JVM (default: " + Experiment.DEFAULT_WARMUP + ").")
    Integer warmup;

    @Option(names = "--concurrency", paramLabel = "C",
            description = "Closed loop: keep C tasks in flight, a new one when one ends (default: all at once).")
    Integer concurrency;

    @Option(names = "--rate", paramLabel = "R/s",
            description = "Open loop: start tasks at this rate, such as 1000/s; latency counts from each task's intended start.")
    String rate;

    @Option(names = "--arrival", paramLabel = "constant|poisson",
            description = "Spacing of open-loop arrivals: constant (default) or poisson.")
    String arrival;

    @Option(names = "--spawner", paramLabel = "thread|task", split = ",",
            description = "Who spawns a burst's tasks, repeatable or comma-separated (both make a dimension of the matrix): "
                    + "thread (the trial's driving thread, outside the scheduler; default) "
                    + "or task (one task on the scheduler, through its own spawn path, as a Go program's loop of go "
                    + "statements does). Bursts only; http, driven by a load generator, runs as a plain burst.")
    List<String> spawner = new ArrayList<>();

    @Option(names = "--fork", negatable = true, fallbackValue = "true",
            description = "Run each trial in a fresh JVM (default); --no-fork runs in this one, for quick looks.")
    Boolean fork;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "The longest one trial may take, JVM start-up included (default: " + Experiment.DEFAULT_TIMEOUT + ").")
    String timeout;

    @Option(names = "--heap", paramLabel = "SIZE", description = "The trial JVMs' maximum heap (-Xmx), such as 4g (default: the JVM's).")
    String heap;

    @Option(names = "--jvm-arg", paramLabel = "FLAG", description = "An extra flag for forked trial JVMs; repeatable.")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Base seed for workloads' randomness and Poisson arrivals (default: " + Experiment.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only slice i of n of the matrix (cells i, i+n, ...); 'sab merge' joins the slices.")
    String shard;

    @Option(names = "--dry-run", description = "Print the expanded matrix and an estimate of the time it takes; run nothing.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: sab-results/<name>-<timestamp>).")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "What to print at the end: table (the summary and file paths) or json (results.json).")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Experiment experiment = experiment();
        List<Cell> all;
        try {
            all = Matrix.expand(experiment);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage(), e);
        }
        boolean forked = experiment.forkOrDefault();
        if (!forked) {
            all.stream().map(Cell::scheduler).distinct().forEach(RunCommand::requireRunnableInProcess);
        }
        Shard slice = null;
        List<Cell> cells = all;
        if (shard != null) {
            try {
                slice = Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage(), e);
            }
            cells = slice.select(all);
        }
        Duration trialTimeout = Matrix.timeout(experiment.timeoutOrDefault());
        RunOptions options = new RunOptions(experiment.trialsOrDefault(), experiment.warmupOrDefault(), forked,
                trialTimeout.toMillis(), experiment.jvmArgsOrEmpty(), experiment.heap(), experiment.seedOrDefault());
        if (dryRun) {
            DryRun.print(System.out, experiment, all, cells, slice, options);
            return ExitCodes.OK;
        }
        Path dir = OutputDirectory.prepare(out != null ? out : experiment.out(), experiment.name(), slice);

        Map<String, Object> settings = new LinkedHashMap<>();
        CpuKernel.Calibration cal = CpuKernel.calibration();
        settings.put("cpuUnit", Map.of("iterationsPerUnit", cal.iterationsPerUnit(), "nsPerUnit", cal.nsPerUnit()));
        if (experiment.name() != null) {
            settings.put("experiment", experiment.name());
        }
        settings.put("fork", forked);
        settings.put("trials", options.trials());
        settings.put("warmup", options.warmup());
        settings.put("timeout", Durations.format(trialTimeout));
        settings.put("seed", options.seed());
        if (options.heap() != null) {
            settings.put("heap", options.heap());
        }
        settings.put("cells", all.size());
        String commandLine = "sab run " + String.join(" ", rawArgs());
        List<ReportFormat> formats = ReportFormats.all();
        Runner runner = new Runner(cells, options, EnvironmentProbe.capture(commandLine, settings),
                slice == null ? null : slice.toString(), dir, formats, Progress.on(System.err, quiet, cells.size(), options.trials()));
        Results results = StopOnSignal.run(runner, System.err, dir);

        PrintStream stdout = System.out;
        if (format == Format.json) {
            stdout.write(JsonFormat.toBytes(results));
            stdout.println();
        } else {
            stdout.println();
            stdout.print(SummaryTable.render(results));
            String tags = SummaryTable.renderTags(results);
            if (!tags.isEmpty()) {
                stdout.println();
                stdout.print(tags);
            }
            stdout.println();
            for (ReportFormat f : formats) {
                stdout.println(f.fileName() + ": " + dir.resolve(f.fileName()));
            }
        }
        stdout.flush();
        if (runner.stopped()) {
            return ExitCodes.STOPPED;
        }
        boolean anyFailed = results.runs().stream().anyMatch(r -> r.trials().stream().anyMatch(t -> !t.ok()));
        return anyFailed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** The file's experiment (or the default one) overridden by every option given on the command line. */
    private Experiment experiment() {
        Experiment base = Experiment.empty();
        try {
            if (file != null) {
                base = ExperimentFile.load(file);
            } else if (schedulers.isEmpty() && workloads.isEmpty()) {
                base = ExperimentFile.load("default");
            }
        } catch (ExperimentFile.ExperimentException e) {
            throw new UsageError(e.getMessage(), e);
        }
        Map<String, List<String>> cliParams = null;
        if (!params.isEmpty()) {
            cliParams = new LinkedHashMap<>();
            for (Map.Entry<String, String> p : params.entrySet()) {
                cliParams.put(p.getKey().trim(), List.of(p.getValue()));
            }
        }
        checkCountsGiven();
        try {
            List<String> specs = null;
            if (!schedulers.isEmpty()) {
                specs = new ArrayList<>();
                for (String value : schedulers) {
                    specs.addAll(Matrix.schedulerSpecs(value));
                }
            }
            Experiment cli = new Experiment(null, null, specs, workloads.isEmpty() ? null : Matrix.workloads(workloads),
                    cliParams, tasks == null ? null : List.of(tasks), trials, warmup,
                    concurrency == null ? null : List.of(concurrency), rate == null ? null : List.of(rate), arrival, spawner.isEmpty() ? null : spawner, fork,
                    timeout, heap == null ? null : Matrix.heap(heap), jvmArgs.isEmpty() ? null : jvmArgs, seed, null);
            return base.overriddenBy(cli);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage(), e);
        }
    }

    /** The values given on the command line, checked under their option names. */
    private void checkCountsGiven() {
        positive("--tasks", tasks);
        positive("--trials", trials);
        positive("--concurrency", concurrency);
        if (warmup != null && warmup < 0) {
            throw new UsageError("bad value " + warmup + " for --warmup: expected a whole number ≥ 0");
        }
        if (timeout != null) {
            try {
                Matrix.timeout(timeout);
            } catch (IllegalArgumentException e) {
                throw new UsageError("bad value '" + timeout + "' for --timeout: expected a duration above zero such as 90s or 5m", e);
            }
        }
        if (heap != null) {
            try {
                Matrix.heap(heap);
            } catch (IllegalArgumentException e) {
                throw new UsageError("bad value '" + heap + "' for --heap: expected a size above zero such as 512m or 4g", e);
            }
        }
        if (arrival != null && !arrival.trim().equalsIgnoreCase("constant") && !arrival.trim().equalsIgnoreCase("poisson")) {
            throw new UsageError("bad value '" + arrival + "' for --arrival: expected constant or poisson");
        }
        for (String s : spawner) {
            if (!s.trim().equalsIgnoreCase("thread") && !s.trim().equalsIgnoreCase("task")) {
                throw new UsageError("bad value '" + s + "' for --spawner: expected thread or task");
            }
        }
        if (rate != null) {
            try {
                dev.sab.harness.Arrival.Rates.parse(rate);
            } catch (IllegalArgumentException e) {
                throw new UsageError("bad value '" + rate + "' for --rate: expected a rate above zero such as 1000/s, 2.5k/s or 50/ms", e);
            }
        }
    }

    private static void positive(String option, Integer value) {
        if (value != null && value < 1) {
            throw new UsageError("bad value " + value + " for " + option + ": expected a whole number ≥ 1");
        }
    }

    /** The arguments as typed, for the command line recorded in results. */
    private List<String> rawArgs() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int run = args.indexOf("run");
        return run >= 0 ? args.subList(run + 1, args.size()) : args;
    }

    /**
     * With --no-fork, a scheduler whose settings need JVM flags (virtual:parallelism=N) can run only
     * if this JVM already has them, or if they are the flags of its defaults, which the JDK applies
     * without being told.
     */
    private static void requireRunnableInProcess(String spec) {
        SchedulerSpec parsed = SchedulerSpec.parse(spec);
        SchedulerProvider provider = Schedulers.provider(parsed.name());
        List<String> defaults = provider.jvmArgs(Schedulers.settings(provider, new SchedulerSpec(parsed.name(), Map.of())));
        for (String flag : provider.jvmArgs(Schedulers.settings(provider, parsed))) {
            String[] kv = flag.startsWith("-D") ? flag.substring(2).split("=", 2) : null;
            String present = kv == null ? null : System.getProperty(kv[0]);
            boolean satisfied = kv != null && (kv[1].equals(present) || (present == null && defaults.contains(flag)));
            if (!satisfied) {
                throw new UsageError("scheduler '" + parsed + "' needs its own JVM (" + flag + "); run without --no-fork");
            }
        }
    }
}
