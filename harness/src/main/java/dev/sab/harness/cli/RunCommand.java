package dev.sab.harness.cli;

import dev.sab.harness.Cell;
import dev.sab.harness.EnvironmentProbe;
import dev.sab.harness.RunListener;
import dev.sab.harness.RunOptions;
import dev.sab.harness.Runner;
import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.format.MarkdownFormat;
import dev.sab.reports.format.ReportFormat;
import dev.sab.reports.format.SummaryTable;
import dev.sab.reports.format.Units;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.TrialResult;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Durations;
import dev.sab.schedulers.SchedulerProvider;
import dev.sab.schedulers.SchedulerSpec;
import dev.sab.schedulers.Schedulers;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code sab run}: runs workloads on schedulers and writes the results. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs every workload on every scheduler, --trials times each, and writes results.json and",
                "summary.md to --out. With no -s or -w it compares every scheduler on every workload."},
        footer = {"", "Examples:",
                "  sab run -s platform -s virtual -w sleep,cpu --tasks 1000",
                "  sab run -s gmp:procs=1,preempt=off,virtual -w sleep -p duration=50ms",
                "", "Exit codes: 0 ok, 1 a trial failed (results still written), 2 bad usage or bad input."})
final class RunCommand implements Callable<Integer> {

    enum Format { table, json }

    @Option(names = {"-s", "--scheduler"}, paramLabel = "SPEC",
            description = {"A scheduler spec, name[:key=value,...]; repeatable, and one value may hold several",
                    "(a token without '=' starts the next). Default: every scheduler. See 'sab list schedulers'."})
    List<String> schedulers = new ArrayList<>();

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME", split = ",",
            description = "Workloads, repeatable or comma-separated. Default: every workload. See 'sab list workloads'.")
    List<String> workloads = new ArrayList<>();

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = {"A workload parameter, for every selected workload that takes it;",
                    "workload.key=value for one workload only."})
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "1000", description = "Tasks per trial (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--trials", paramLabel = "T", defaultValue = "3", description = "Measured trials per cell (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Unrecorded warm-up iterations before each measured trial, in its JVM (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--fork", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run each trial in a fresh JVM (default); --no-fork runs in this one, for quick looks.")
    boolean fork;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "The longest one trial may take (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--jvm-arg", paramLabel = "FLAG", description = "An extra flag for forked trial JVMs; repeatable.")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Base seed for workloads' randomness (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: sab-results/<timestamp>).")
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
        requirePositive("--tasks", tasks);
        requirePositive("--trials", trials);
        if (warmup < 0) {
            throw new UsageError("bad value " + warmup + " for --warmup: expected a whole number ≥ 0");
        }
        Duration trialTimeout = parseTimeout();
        List<String> specs = schedulerSpecs();
        List<String> names = workloadNames();
        List<Cell> cells = cells(specs, names);
        Path dir = outputDir();

        Map<String, Object> settings = new LinkedHashMap<>();
        CpuKernel.Calibration cal = CpuKernel.calibration();
        settings.put("cpuUnit", Map.of("iterationsPerUnit", cal.iterationsPerUnit(), "nsPerUnit", cal.nsPerUnit()));
        settings.put("fork", fork);
        settings.put("tasks", tasks);
        settings.put("trials", trials);
        settings.put("warmup", warmup);
        settings.put("timeout", Durations.format(trialTimeout));
        settings.put("seed", seed);
        String commandLine = "sab run " + String.join(" ", rawArgs());
        RunOptions options = new RunOptions(tasks, trials, warmup, fork, trialTimeout.toMillis(), jvmArgs, seed);
        List<ReportFormat> formats = List.of(new JsonFormat(), new MarkdownFormat());
        Runner runner = new Runner(cells, options, EnvironmentProbe.capture(commandLine, settings), dir, formats,
                quiet ? RunListener.SILENT : new PlainProgress(System.err));
        Results results = runner.run();

        PrintStream stdout = System.out;
        if (format == Format.json) {
            stdout.write(JsonFormat.toBytes(results));
            stdout.println();
        } else {
            stdout.println();
            stdout.print(SummaryTable.render(results));
            stdout.println();
            stdout.println("results: " + dir.resolve(JsonFormat.FILE));
            stdout.println("summary: " + dir.resolve(MarkdownFormat.FILE));
        }
        stdout.flush();
        boolean anyFailed = results.runs().stream().anyMatch(r -> r.trials().stream().anyMatch(t -> !t.ok()));
        return anyFailed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** The arguments as typed, for the command line recorded in results. */
    private List<String> rawArgs() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int run = all.indexOf("run");
        return run >= 0 ? all.subList(run + 1, all.size()) : all;
    }

    private static void requirePositive(String option, int value) {
        if (value <= 0) {
            throw new UsageError("bad value " + value + " for " + option + ": expected a whole number ≥ 1");
        }
    }

    private Duration parseTimeout() {
        try {
            Duration d = Durations.parse(timeout);
            if (d.isZero()) {
                throw new IllegalArgumentException();
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new UsageError("bad value '" + timeout + "' for --timeout: expected a duration above zero such as 90s or 5m");
        }
    }

    private List<String> schedulerSpecs() {
        List<String> out = new ArrayList<>();
        if (schedulers.isEmpty()) {
            Schedulers.providers().forEach(p -> out.add(p.info().name()));
            return out;
        }
        for (String value : schedulers) {
            try {
                for (SchedulerSpec parsed : SchedulerSpec.parseList(value)) {
                    Schedulers.validate(parsed.toString());
                    if (!fork) {
                        requireRunnableInProcess(parsed);
                    }
                    out.add(parsed.toString());
                }
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * With --no-fork, a scheduler whose settings need JVM flags (virtual:parallelism=N) can run only
     * if this JVM already has them, or if they are the flags of its defaults, which the JDK applies
     * without being told.
     */
    private static void requireRunnableInProcess(SchedulerSpec parsed) {
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

    private List<String> workloadNames() {
        if (workloads.isEmpty()) {
            return Workloads.available().stream().map(WorkloadInfo::name).toList();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String w : workloads) {
            String name = w.trim();
            if (name.isEmpty()) {
                continue;
            }
            try {
                Workloads.info(name);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage(), e);
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new UsageError("no workload named in -w; valid: "
                    + String.join(", ", Workloads.available().stream().map(WorkloadInfo::name).toList()));
        }
        return List.copyOf(names);
    }

    /** The matrix, with each workload given the -p values it takes; every -p must be taken by some workload. */
    private List<Cell> cells(List<String> specs, List<String> names) {
        Map<String, Map<String, String>> perWorkload = new LinkedHashMap<>();
        names.forEach(n -> perWorkload.put(n, new LinkedHashMap<>()));
        for (Map.Entry<String, String> p : params.entrySet()) {
            String key = p.getKey().trim();
            int dot = key.indexOf('.');
            boolean taken = false;
            for (String name : names) {
                String local = dot > 0 && key.substring(0, dot).equals(name) ? key.substring(dot + 1) : key;
                if (takes(name, local)) {
                    perWorkload.get(name).put(local, p.getValue());
                    taken = true;
                }
            }
            if (!taken) {
                Set<String> valid = new TreeSet<>();
                names.forEach(n -> Workloads.info(n).params().forEach(pi -> valid.add(pi.name())));
                throw new UsageError("unknown parameter '" + key + "' for workload" + (names.size() > 1 ? "s " : " ")
                        + String.join(", ", names) + "; valid: " + (valid.isEmpty() ? "none" : String.join(", ", valid)));
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (String spec : specs) {
            for (String name : names) {
                try {
                    Workloads.params(Workloads.info(name), perWorkload.get(name));
                } catch (IllegalArgumentException e) {
                    throw new UsageError(e.getMessage(), e);
                }
                cells.add(new Cell(spec, name, perWorkload.get(name)));
            }
        }
        return cells;
    }

    private static boolean takes(String workload, String key) {
        return Workloads.info(workload).params().stream().map(ParamInfo::name).anyMatch(key::equals);
    }

    private Path outputDir() {
        String chosen = out != null ? out
                : "sab-results/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir;
        try {
            dir = Path.of(chosen);
        } catch (InvalidPathException e) {
            throw new UsageError("bad --out '" + chosen + "': " + e.getReason());
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".sab-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UsageError("cannot write to --out '" + chosen + "': " + reason(e));
        }
        return dir;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** One line per trial on stderr. */
    private static final class PlainProgress implements RunListener {
        private final PrintStream err;
        private long started;

        PlainProgress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void trialStarting(int cellIndex, int cells, Cell cell, int trial, int trials) {
            started = System.nanoTime();
        }

        @Override
        public void trialFinished(int cellIndex, int cells, Cell cell, int trial, int trials, TrialResult result) {
            String outcome = result.ok()
                    ? "ok  p50 " + Units.nanos(result.latencyNs().p50()) + "  p99 " + Units.nanos(result.latencyNs().p99())
                    + "  " + Units.rate(result.throughputPerSec())
                    : "FAILED: " + result.error();
            err.printf("[%d/%d] %s  trial %d/%d  %s  (%s)%n", cellIndex + 1, cells, cell, trial, trials, outcome,
                    Units.nanos(System.nanoTime() - started));
            err.flush();
        }
    }
}
