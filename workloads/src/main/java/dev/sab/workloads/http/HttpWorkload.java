package dev.sab.workloads.http;

import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Task;
import dev.sab.workloads.ExternalLoad;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.Verification;
import dev.sab.workloads.Workload;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;
import dev.sab.workloads.internal.SchedulerFit;
import dev.sab.workloads.load.LoadReport;
import dev.sab.workloads.load.LoadSpec;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code http}: the seeds' "/heavy freezes /light" example, measurable. An HTTP/1.1 server on the
 * scheduler under test with two routes: {@code /light} answers at once, {@code /heavy} first burns
 * {@code heavyUnits} of CPU. The harness drives it from a separate JVM with {@code sab load}
 * (a share {@code heavyRatio} of requests go to /heavy), so the server does not share its scheduler
 * with its clients; latency is the generator's, per route as the tags {@code light} and
 * {@code heavy}. On an event loop a /heavy request holds up every /light request behind it; on
 * schedulers with parallelism or preemption it does not, or less.
 *
 * <p>Verification: every request the generator sent was answered 200 with a body naming its own
 * request number, and the server answered exactly as many requests per route as the generator
 * received.
 */
public final class HttpWorkload implements Workload, ExternalLoad {
    public static final String LIGHT = "/light";
    public static final String HEAVY = "/heavy";

    public static final WorkloadInfo INFO = new WorkloadInfo("http",
            "an HTTP/1.1 server with /light and /heavy routes, driven from another JVM by sab load", WorkloadKind.MIXED,
            List.of(ParamInfo.ratio("heavyRatio", 0.01, "share of requests sent to /heavy"),
                    ParamInfo.integer("heavyUnits", 10_000, 0, 1_000_000_000L, "units of ~1 µs", "CPU work of one /heavy request"),
                    ParamInfo.integer("connections", LoadSpec.DEFAULT_CONNECTIONS, 1, 10_000, "connections",
                            "keep-alive connections the load generator opens"),
                    ParamInfo.integer("rate", 1000, 0, 10_000_000, "requests/s",
                            "requests per second, open loop; 0 for a closed loop (each connection sends when answered, like wrk)"),
                    ParamInfo.integer("port", 0, 0, 65_535, "", "loopback port to listen on (0: any free port)")));

    private final Params params;
    private final double heavyRatio;
    private final long heavyUnits;
    private final LongAdder light = new LongAdder();
    private final LongAdder heavy = new LongAdder();
    private HttpServer server;
    private LoadReport report;

    public HttpWorkload(Params params) {
        this.params = params;
        this.heavyRatio = params.ratio("heavyRatio");
        this.heavyUnits = params.longValue("heavyUnits");
    }

    @Override
    public WorkloadInfo info() {
        return INFO;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public void setup(WorkloadEnv env) throws Exception {
        SchedulerFit.requireWaitsWithoutThreads(INFO.name(), env.scheduler(),
                "its accept task and every keep-alive connection's task wait at once");
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), params.intValue("port"));
        server = HttpServer.start(env.scheduler(), bind, this::handle);
    }

    private HttpResponse handle(Ctx ctx, HttpRequest request) {
        if (!request.method().equals("GET")) {
            return HttpResponse.error(405, "Method Not Allowed", "only GET is served");
        }
        return switch (request.path()) {
            case LIGHT -> {
                light.increment();
                yield HttpResponse.ok(body("light", request));
            }
            case HEAVY -> {
                ctx.cpu(heavyUnits);
                heavy.increment();
                yield HttpResponse.ok(body("heavy", request));
            }
            default -> HttpResponse.error(404, "Not Found", "no route " + request.path() + "; routes: " + LIGHT + ", " + HEAVY);
        };
    }

    /** "light 17\n" for {@code /light?n=17}: the client checks that the answer is to its own request. */
    private static String body(String route, HttpRequest request) {
        return request.number() == null ? route + "\n" : route + " " + request.number() + "\n";
    }

    /** Where the server listens; valid after setup. */
    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public Task task(int index) {
        throw new UnsupportedOperationException("http is driven from outside by sab load (see Workload.externalLoad()); "
                + "the harness does not spawn its tasks");
    }

    @Override
    public Optional<ExternalLoad> externalLoad() {
        return Optional.of(this);
    }

    @Override
    public LoadSpec loadSpec(int requests, long seed) {
        List<LoadSpec.Route> routes = new ArrayList<>();
        if (heavyRatio < 1) {
            routes.add(new LoadSpec.Route(LIGHT, 1 - heavyRatio));
        }
        if (heavyRatio > 0) {
            routes.add(new LoadSpec.Route(HEAVY, heavyRatio));
        }
        int rate = params.intValue("rate");
        // a bound in time the harness may tighten to its trial timeout: twice the scheduled time, plus a minute
        Duration bound = Duration.ofMinutes(1).plusNanos(rate > 0 ? (long) (2e9 * requests / rate) : 0);
        return new LoadSpec(server.address(), routes, params.intValue("connections"), rate, false, requests, bound,
                LoadSpec.DEFAULT_TIMEOUT, seed);
    }

    @Override
    public void loadFinished(LoadReport report) {
        this.report = report;
    }

    @Override
    public Verification verify() {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("lightAnswered", light.sum());
        metrics.put("heavyAnswered", heavy.sum());
        metrics.put("connectionsAccepted", server.accepted());
        metrics.put("badRequests", server.badRequests());
        if (report == null) {
            return Verification.failed("the load generator never reported, so no request can be verified", metrics);
        }
        metrics.put("requestsSent", report.sent());
        metrics.put("requestsOk", report.ok());
        metrics.put("requestsFailed", report.failed());
        metrics.put("requestsTimedOut", report.timedOut());
        metrics.put("requestsUnsent", report.unsent());
        metrics.put("answeredPerSec", report.throughputPerSec());
        if (server.acceptFailure() != null) {
            return Verification.failed("the server stopped accepting connections: " + server.acceptFailure(), metrics);
        }
        String problem = report.problem();
        if (problem != null) {
            return Verification.failed("load generator: " + problem, metrics);
        }
        for (LoadReport.RouteResult r : report.routes()) {
            long served = switch (r.path()) {
                case LIGHT -> light.sum();
                case HEAVY -> heavy.sum();
                default -> -1;
            };
            if (served != r.ok()) {
                return Verification.failed("the server answered " + served + " " + r.path() + " requests but the load generator "
                        + "received " + r.ok(), metrics);
            }
        }
        return Verification.passed(metrics);
    }

    @Override
    public void teardown() throws InterruptedException {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }
}
