package dev.sab.harness.cli;

import dev.sab.schedulers.Durations;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;
import dev.sab.workloads.ExternalLoad;
import dev.sab.workloads.Verification;
import dev.sab.workloads.Workload;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code sab serve}: runs a server workload ({@code http}) on a scheduler until a duration passes
 * or Ctrl-C, so that any load generator (wrk, {@code sab load}, curl, a browser) can be pointed at
 * it. The first line on stdout is {@code listening on HOST:PORT}, for scripts.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs a server workload (http) on one scheduler until --duration passes or Ctrl-C, for external",
                "load generators. Prints 'listening on HOST:PORT' first, and what was served at the end."},
        footer = {"", "Examples:",
                "  sab serve -s eventloop -p port=8080 -d 60s &",
                "  wrk -c 16 -d 10s http://127.0.0.1:8080/light",
                "", "Exit codes: 0 served until the end, 2 bad usage or bad input."})
final class ServeCommand implements Callable<Integer> {
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Option(names = {"-s", "--scheduler"}, paramLabel = "SPEC", defaultValue = "virtual",
            description = "The scheduler to serve on, name[:key=value,...] (default: ${DEFAULT-VALUE}).")
    String scheduler;

    @Option(names = {"-w", "--workload"}, paramLabel = "NAME", defaultValue = "http",
            description = "A workload measured from outside (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A workload parameter, such as port=8080.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-d", "--duration"}, paramLabel = "D", defaultValue = "10m",
            description = "Serve this long, then stop (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Duration serveFor = serveFor();
        Workload w;
        try {
            WorkloadInfo info = Workloads.info(workload);
            w = Workloads.create(info.name(), params);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage(), e);
        }
        ExternalLoad external = w.externalLoad().orElseThrow(() -> new UsageError("workload '" + workload
                + "' is not a server: sab serve runs workloads measured from outside; valid: " + String.join(", ", servers())));
        Scheduler s;
        try {
            s = Schedulers.create(scheduler);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageError(e.getMessage(), e);
        }
        Path temp = Files.createTempDirectory("sab-serve-");
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(STOP_GRACE.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                // the JVM is exiting anyway
            }
        }, "sab-serve-stop");
        try {
            try {
                w.setup(new WorkloadEnv(s, 0, temp, 42));
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new UsageError(e.getMessage(), e);
            }
            InetSocketAddress address = external.loadSpec(1, 42).target();
            System.out.println("listening on " + address.getAddress().getHostAddress() + ":" + address.getPort());
            System.out.println("serving " + workload + " on " + scheduler + " for " + Durations.format(serveFor) + " (Ctrl-C stops)");
            System.out.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            stop.await(serveFor.toMillis(), TimeUnit.MILLISECONDS);
            w.teardown();
            Verification v = w.verify();
            System.out.println("served: " + v.metrics());
            System.out.flush();
            return ExitCodes.OK;
        } finally {
            s.close();
            stopped.countDown();
            deleteQuietly(temp);
            if (stop.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private Duration serveFor() {
        try {
            Duration d = Durations.parse(duration);
            if (!d.isZero()) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageError("bad value '" + duration + "' for --duration: expected a duration above zero such as 60s or 10m");
    }

    private static java.util.List<String> servers() {
        return Workloads.available().stream().map(WorkloadInfo::name)
                .filter(n -> Workloads.create(n, Map.of()).externalLoad().isPresent()).toList();
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (java.io.IOException ignored) {
            // an empty temporary directory left behind is harmless
        }
    }
}
