package dev.sab.harness.internal;

import dev.sab.harness.Arrival;
import dev.sab.reports.model.ArrivalResult;
import dev.sab.workloads.ExternalLoad;
import dev.sab.workloads.load.LoadReport;
import dev.sab.workloads.load.LoadSpec;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The iteration of a workload driven from outside ({@link dev.sab.workloads.Workload#externalLoad()}):
 * the workload's server already runs on the scheduler; {@code sab load} runs in a JVM of its own
 * with {@code tasks} requests ({@link LoadProcess}), and the iteration's latency is the generator's,
 * overall and per route as tags. Throughput is answered requests per second over the generator's
 * elapsed time; CPU and memory are this JVM's, the server's alone.
 *
 * <p>The harness's arrival modes map onto the generator: an open loop sets its rate and Poisson
 * spacing; a closed loop of C tasks in flight is C connections each sending its next request when
 * the previous answer arrives; a burst leaves the workload's own spec as it is. Start delay is not
 * seen from here (the generator measures from the send), and no tasks are counted alive: the
 * server's tasks are connections, not requests, so no memory-per-task figure comes out.
 */
public final class ExternalLoadDriver implements IterationDriver {
    private final ExternalLoad load;

    public ExternalLoadDriver(ExternalLoad load) {
        this.load = load;
    }

    @Override
    public IterationOutcome run(Iteration it) throws InterruptedException {
        LoadSpec spec = load.loadSpec(it.spec().tasks(), it.seed());
        spec = switch (it.spec().arrivalMode()) {
            case Arrival.Burst b -> spec;
            case Arrival.Closed c -> spec.withRate(0).withConnections(c.concurrency());
            case Arrival.Open o -> spec.withRate(o.ratePerSec()).withPoisson(o.poisson());
        };
        Duration left = Duration.ofNanos(Math.max(1, it.deadlineNanos() - System.nanoTime()));
        if (spec.duration().compareTo(left) > 0) {
            spec = spec.withDuration(left);
        }
        LoadReport report;
        try {
            report = LoadProcess.run(spec);
        } catch (IOException e) {
            return IterationOutcome.failed(e.getMessage());
        } finally {
            it.atPeak().run();
        }
        load.loadFinished(report);
        Map<String, Histogram> tags = new TreeMap<>();
        for (LoadReport.RouteResult r : report.routes()) {
            tags.put(r.tag(), r.latency());
        }
        ArrivalResult arrival = new ArrivalResult(
                spec.openLoop() ? (spec.poisson() ? "open-poisson" : "open") : "closed",
                spec.openLoop() ? null : spec.connections(), spec.openLoop() ? spec.ratePerSec() : null,
                report.elapsedNanos() > 0 ? report.sent() * 1e9 / report.elapsedNanos() : null, null,
                spec.openLoop() ? "intended send (sab load)" : "send (sab load)");
        return new IterationOutcome(report.sent(), report.elapsedNanos(), report.overall(), tags, null, arrival,
                report.clean() ? null : report.problem());
    }
}
