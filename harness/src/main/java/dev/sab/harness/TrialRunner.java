package dev.sab.harness;

import dev.sab.harness.internal.RssSampler;
import dev.sab.reports.model.CpuResult;
import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.MemoryResult;
import dev.sab.reports.model.TagResult;
import dev.sab.reports.model.TrialResult;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.Schedulers;
import dev.sab.schedulers.Task;
import dev.sab.schedulers.TaskHandle;
import dev.sab.workloads.ExternalLoad;
import dev.sab.workloads.Verification;
import dev.sab.workloads.Workload;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.Workloads;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs one trial in this JVM: a fresh scheduler, {@code warmup} unrecorded iterations of the
 * workload, then one measured iteration, recorded into HdrHistograms; then the scheduler is closed.
 * The forked trial process and {@code --no-fork} both come here.
 *
 * <p>Called from one thread at a time; the measured tasks run on the scheduler's threads.
 */
public final class TrialRunner {
    private static final int SIGNIFICANT_DIGITS = 3;

    private TrialRunner() {
    }

    /**
     * Runs {@code spec} and returns its result; a workload or scheduler failure becomes a failed
     * result, never an exception.
     */
    public static TrialResult run(TrialSpec spec) {
        Scheduler scheduler;
        try {
            scheduler = Schedulers.create(spec.scheduler());
        } catch (RuntimeException e) {
            return TrialResult.failed("could not create scheduler " + spec.scheduler() + ": " + e.getMessage(), null);
        }
        try {
            for (int w = 0; w < spec.warmup(); w++) {
                TrialResult warm = iterate(spec, scheduler, spec.seed() + w + 1);
                if (!warm.ok()) {
                    return warm.markFailed("warm-up iteration " + (w + 1) + " failed: " + warm.error());
                }
            }
            return iterate(spec, scheduler, spec.seed());
        } finally {
            scheduler.close();
        }
    }

    private static TrialResult iterate(TrialSpec spec, Scheduler scheduler, long seed) {
        Workload workload;
        try {
            workload = Workloads.create(spec.workload(), spec.params());
        } catch (RuntimeException e) {
            return TrialResult.failed("could not create workload " + spec.workload() + ": " + e.getMessage(), null);
        }
        Path tempDir = null;
        try {
            tempDir = Files.createTempDirectory("sab-trial-");
            workload.setup(new WorkloadEnv(scheduler, spec.tasks(), tempDir, seed));
            Optional<ExternalLoad> external = workload.externalLoad();
            return external.isPresent() ? ExternalLoadTrial.measure(spec, scheduler, workload, external.get())
                    : measure(spec, scheduler, workload);
        } catch (Exception e) {
            return TrialResult.failed("workload " + spec.workload() + " failed: " + e, null);
        } finally {
            try {
                workload.teardown();
            } catch (Exception ignored) {
                // the trial's result stands; a teardown failure must not hide it
            }
            deleteRecursively(tempDir);
        }
    }

    private static TrialResult measure(TrialSpec spec, Scheduler scheduler, Workload workload) throws InterruptedException {
        int n = spec.tasks();
        long pid = ProcessHandle.current().pid();
        Recorder overall = new Recorder(SIGNIFICANT_DIGITS);
        Map<String, Recorder> byTag = new ConcurrentHashMap<>();
        AtomicLong alive = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
        @SuppressWarnings("unchecked")
        TaskHandle<Void>[] handles = new TaskHandle[n];

        System.gc();
        long baselineRss = RssSampler.rssNow(pid);
        SchedulerMetrics before = scheduler.metrics();
        long cpuBefore = processCpuNanos();
        RssSampler sampler = new RssSampler(pid, alive::get);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                Task body = workload.task(i);
                String tag = workload.tag(i);
                Recorder tagRecorder = tag == null ? null : byTag.computeIfAbsent(tag, t -> new Recorder(SIGNIFICANT_DIGITS));
                long submitted = System.nanoTime();
                alive.incrementAndGet();
                handles[i] = scheduler.spawn(ctx -> {
                    try {
                        body.run(ctx);
                    } finally {
                        long end = System.nanoTime();
                        overall.recordValue(end - submitted);
                        if (tagRecorder != null) {
                            tagRecorder.recordValue(end - submitted);
                        }
                        lastEnd.accumulateAndGet(end, Math::max);
                        alive.decrementAndGet();
                    }
                });
            }
            long deadline = start + spec.timeoutMillis() * 1_000_000L;
            for (int i = 0; i < n; i++) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !handles[i].join(Duration.ofNanos(left))) {
                    long done = Stream.of(handles).filter(h -> h != null && h.isDone()).count();
                    for (TaskHandle<Void> h : handles) {
                        h.cancel();
                    }
                    return TrialResult.failed("timed out after " + spec.timeoutMillis() + " ms with " + done + " of " + n
                            + " tasks finished", null);
                }
            }
        } finally {
            sampler.close();
        }
        long wall = Math.max(0, lastEnd.get() - start);
        long cpu = processCpuNanos() - cpuBefore;

        int failed = 0;
        Throwable firstFailure = null;
        int firstFailed = -1;
        for (int i = 0; i < n; i++) {
            Throwable t = handles[i].exception();
            if (t != null) {
                if (failed++ == 0) {
                    firstFailure = t;
                    firstFailed = i;
                }
            }
        }
        Histogram histogram = overall.getIntervalHistogram();
        Map<String, TagResult> tags = new LinkedHashMap<>();
        byTag.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> tags.put(e.getKey(), new TagResult(LatencySummary.of(e.getValue().getIntervalHistogram()))));
        Verification verification = workload.verify();

        long peakRss = sampler.peakRss();
        long atPeak = sampler.tasksAtPeak();
        Double bytesPerTask = baselineRss > 0 && peakRss > baselineRss && atPeak > 0
                ? (double) (peakRss - baselineRss) / atPeak : null;
        MemoryResult memory = new MemoryResult(bytesPerTask, baselineRss, peakRss, atPeak,
                "in-process: /proc/self/status VmRSS sampled every 1 ms; (peak - baseline after setup) / tasks alive at the peak");
        CpuResult cpuResult = new CpuResult(cpu, wall > 0 ? (double) cpu / wall : 0, CpuKernel.calibration().nsPerUnit());

        String error = null;
        if (failed > 0) {
            error = failed + " of " + n + " tasks failed; first, task " + firstFailed + ": " + firstFailure;
        } else if (histogram.getTotalCount() != n) {
            error = "only " + histogram.getTotalCount() + " of " + n + " tasks recorded a latency";
        } else if (!verification.ok()) {
            error = "verification failed: " + verification.message();
        }
        return new TrialResult(error == null, error, null, n, wall, wall > 0 ? n * 1e9 / wall : 0,
                LatencySummary.of(histogram), memory, cpuResult, delta(before, scheduler.metrics()), tags,
                verification.metrics());
    }

    /** Scheduler metrics over the trial: counters as the change since {@code before}, gauges as read at the end. */
    static Map<String, Map<String, Object>> delta(SchedulerMetrics before, SchedulerMetrics after) {
        Map<String, Map<String, Object>> out = after.toMap();
        for (SchedulerMetrics.Metric m : after.metrics()) {
            if (m.kind() == SchedulerMetrics.Kind.COUNTER) {
                long was = before.get(m.name()).map(b -> b.value().longValue()).orElse(0L);
                out.get(m.name()).put("value", m.value().longValue() - was);
            }
        }
        return out;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temp file is not worth failing a trial over
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
