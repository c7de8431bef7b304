package dev.sab.harness.cli;

import dev.sab.schedulers.Durations;
import dev.sab.workloads.load.LoadGenerator;
import dev.sab.workloads.load.LoadReport;
import dev.sab.workloads.load.LoadSpec;
import dev.sab.workloads.load.LoadTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sab load}: the external load generator, a thin command over
 * {@link dev.sab.workloads.load.LoadGenerator}. The harness runs it in a JVM of its own for the
 * {@code http} workload; people run it against {@code sab serve} or any loopback HTTP/1.1 server
 * that answers {@code GET /route?n=K} with {@code "route K\n"}.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Sends HTTP/1.1 GETs over keep-alive loopback connections and reports latency per route.",
                "With --rate it is open loop, like wrk2: requests follow a fixed schedule and latency runs from",
                "each request's intended send time, so a stalled server is charged for every request it delayed.",
                "Without it (or with --rate max) it is closed loop, like wrk."},
        footer = {"", "Examples:",
                "  sab load http://127.0.0.1:8080/light -c 16 -d 10s",
                "  sab load 127.0.0.1:8080 --route /light=99 --route /heavy=1 --rate 2000 --requests 20000",
                "", "Exit codes: 0 every request answered correctly, 1 some were not, 2 bad usage or bad input."})
final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TARGET", description = "HOST:PORT or http://HOST:PORT/PATH; loopback hosts only.")
    String target;

    @Option(names = "--route", paramLabel = "PATH[=WEIGHT]",
            description = "A route and its share of requests; repeatable. Default: the target's path, else /light.")
    List<String> routes = new ArrayList<>();

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "16",
            description = "Keep-alive connections, one request outstanding on each (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-R", "--rate"}, paramLabel = "R", defaultValue = "max",
            description = "Requests per second, open loop; 'max' for a closed loop (default: ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--poisson", description = "With --rate: exponential gaps between send times (a Poisson process), not constant ones.")
    boolean poisson;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", description = "Stop after N requests (default: no limit but --duration).")
    Long requests;

    @Option(names = {"-d", "--duration"}, paramLabel = "D", defaultValue = "10s",
            description = "Send for at most this long (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "10s",
            description = "A request unanswered this long counts as timed out (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seeds the choice of routes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the full report (histograms included) to FILE.")
    String report;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stdout.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LoadSpec spec = spec();
        Path reportFile = reportFile();
        LoadReport result = LoadGenerator.run(spec);
        if (reportFile != null) {
            result.write(reportFile);
        }
        if (!quiet) {
            System.out.print(result.summary());
            System.out.flush();
        }
        String problem = result.problem();
        if (problem != null) {
            System.err.println("sab load: " + problem);
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private LoadSpec spec() {
        try {
            LoadTarget parsed = LoadTarget.parse(target);
            List<LoadSpec.Route> list = new ArrayList<>();
            for (String r : routes) {
                list.add(LoadSpec.Route.parse(r));
            }
            if (list.isEmpty()) {
                list.add(new LoadSpec.Route(parsed.path() == null || parsed.path().isEmpty() ? "/light" : parsed.path(), 1));
            }
            double r = rate();
            if (poisson && r == 0) {
                throw new UsageError("--poisson needs --rate: Poisson arrivals are an open-loop schedule of a mean rate");
            }
            return new LoadSpec(parsed.address(), list, connections, r, poisson, requests == null ? LoadSpec.UNBOUNDED : requests,
                    duration("--duration", duration), duration("--timeout", timeout), seed);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage(), e);
        }
    }

    private double rate() {
        if (rate.trim().toLowerCase(Locale.ROOT).equals("max")) {
            return 0;
        }
        try {
            double r = Double.parseDouble(rate.trim());
            if (r > 0 && !Double.isInfinite(r)) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError("bad value '" + rate + "' for --rate: expected requests per second above 0, or max");
    }

    private static Duration duration(String option, String text) {
        try {
            Duration d = Durations.parse(text);
            if (!d.isZero()) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageError("bad value '" + text + "' for " + option + ": expected a duration above zero such as 500ms or 10s");
    }

    private Path reportFile() {
        if (report == null) {
            return null;
        }
        try {
            Path p = Path.of(report).toAbsolutePath();
            if (p.getParent() == null || !java.nio.file.Files.isDirectory(p.getParent())) {
                throw new UsageError("bad --report '" + report + "': its directory does not exist");
            }
            return p;
        } catch (InvalidPathException e) {
            throw new UsageError("bad --report '" + report + "': " + e.getReason());
        }
    }
}
