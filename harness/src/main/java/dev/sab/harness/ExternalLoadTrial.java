package dev.sab.harness;

import dev.sab.harness.internal.LoadProcess;
import dev.sab.harness.internal.RssSampler;
import dev.sab.reports.model.CpuResult;
import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.MemoryResult;
import dev.sab.reports.model.TagResult;
import dev.sab.reports.model.TrialResult;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.workloads.ExternalLoad;
import dev.sab.workloads.Verification;
import dev.sab.workloads.Workload;
import dev.sab.workloads.load.LoadReport;
import dev.sab.workloads.load.LoadSpec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measured part of a trial of a workload driven from outside ({@link Workload#externalLoad()}):
 * the workload's server is already running on the scheduler; {@code sab load} runs in a JVM of its
 * own with {@code spec.tasks()} requests, and the trial's latency is the generator's: overall, and
 * per route as tags. Throughput is answered requests per second over the generator's elapsed time;
 * CPU is this JVM's, the server's alone.
 *
 * <p>Memory per task is not defined here (the server's tasks are connections, not requests): the
 * result carries the RSS baseline and peak, and no bytes per task.
 */
final class ExternalLoadTrial {

    private ExternalLoadTrial() {
    }

    static TrialResult measure(TrialSpec spec, Scheduler scheduler, Workload workload, ExternalLoad load)
            throws IOException, InterruptedException {
        LoadSpec loadSpec = load.loadSpec(spec.tasks(), spec.seed());
        Duration trialTimeout = Duration.ofMillis(spec.timeoutMillis());
        if (loadSpec.duration().compareTo(trialTimeout) > 0) {
            loadSpec = loadSpec.withDuration(trialTimeout);
        }
        long pid = ProcessHandle.current().pid();
        System.gc();
        long baselineRss = RssSampler.rssNow(pid);
        SchedulerMetrics before = scheduler.metrics();
        long cpuBefore = processCpuNanos();
        LoadReport report;
        long peakRss;
        try (RssSampler sampler = new RssSampler(pid, () -> 0)) {
            report = LoadProcess.run(loadSpec);
            peakRss = sampler.peakRss();
        }
        long cpu = processCpuNanos() - cpuBefore;
        load.loadFinished(report);
        Verification verification = workload.verify();

        Map<String, TagResult> tags = new LinkedHashMap<>();
        for (LoadReport.RouteResult r : report.routes()) {
            tags.put(r.tag(), new TagResult(LatencySummary.of(r.latency())));
        }
        long wall = report.elapsedNanos();
        MemoryResult memory = new MemoryResult(null, baselineRss, peakRss, 0L,
                "external load: the server's RSS, sampled every 1 ms while sab load ran in another JVM; no per-task figure");
        CpuResult cpuResult = new CpuResult(cpu, wall > 0 ? (double) cpu / wall : 0, CpuKernel.calibration().nsPerUnit());
        Map<String, Number> metrics = new LinkedHashMap<>(verification.metrics());
        metrics.put("loadConnections", report.connections());
        metrics.put("loadRatePerSec", report.ratePerSec());
        String error = verification.ok() ? null : "verification failed: " + verification.message();
        return new TrialResult(error == null, error, null, report.sent(), wall, report.throughputPerSec(),
                LatencySummary.of(report.overall()), memory, cpuResult, TrialRunner.delta(before, scheduler.metrics()), tags, metrics);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
