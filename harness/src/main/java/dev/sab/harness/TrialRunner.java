package dev.sab.harness;

import dev.sab.harness.internal.ArrivalDriver;
import dev.sab.harness.internal.ExternalLoadDriver;
import dev.sab.harness.internal.Iteration;
import dev.sab.harness.internal.IterationDriver;
import dev.sab.harness.internal.IterationOutcome;
import dev.sab.harness.internal.LatencyRecorders;
import dev.sab.harness.internal.ProcessCounters;
import dev.sab.harness.internal.ResponsivenessProbe;
import dev.sab.harness.internal.TrialChannel;
import dev.sab.reports.model.CpuResult;
import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.MemoryResult;
import dev.sab.reports.model.ProbeResult;
import dev.sab.reports.model.ProcessResult;
import dev.sab.reports.model.TagResult;
import dev.sab.reports.model.TrialResult;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.Schedulers;
import dev.sab.workloads.Verification;
import dev.sab.workloads.Workload;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.Workloads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs one trial in this JVM: a fresh scheduler, {@code warmup} unrecorded iterations of the
 * workload, then one measured iteration; then the scheduler is closed. The forked trial process
 * and {@code --no-fork} both come here. See the package documentation for why warm-up happens
 * inside the measuring JVM.
 *
 * <p>Each iteration makes a fresh workload, sets it up, has an {@link IterationDriver} run and time
 * its tasks, verifies and tears it down. Around the measured one the runner adds what every driver
 * shares: the process's counters, the responsiveness probe, and the scheduler's own metrics.
 *
 * <p>Memory is measured where it can be measured cleanly, which is not always the measured
 * iteration:
 * <ul>
 *   <li>Resident memory is sampled from outside during the <em>first</em> iteration, in a process
 *       that has never held the workload's tasks before. In a later iteration the tasks would reuse
 *       memory the earlier ones touched and freed (free heap regions the collector keeps committed,
 *       malloc's free lists), and the growth of the resident set would understate what the tasks
 *       need, by any amount. The first iteration's figure carries instead a fixed cost that does
 *       not grow with the tasks (JIT compilation, class loading), which the division spreads thin.</li>
 *   <li>Heap after a full GC at the peak is taken in the last warm-up iteration, so that the
 *       collection's pause stays out of the measured latencies; with no warm-up, in the measured
 *       iteration, and the result says so. Live data after a full GC does not depend on reuse.</li>
 * </ul>
 *
 * <p>Called from one thread at a time; the measured tasks run on the scheduler's threads.
 */
public final class TrialRunner {
    /** How long closing a scheduler may take beyond the trial's own time, at most (and at most its timeout). */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    /** How long the probes still queued at the end of the measured iteration may take to run. */
    private static final Duration PROBE_DRAIN = Duration.ofSeconds(5);

    /** What one iteration does besides running its tasks. */
    private record Role(boolean measured, boolean sampleResident, boolean probeHeap) {
        String name() {
            return measured ? "measured" : "warm-up";
        }
    }

    private TrialRunner() {
    }

    /** Runs {@code spec} with nobody watching its resident memory (the heap figures only). */
    public static TrialResult run(TrialSpec spec) {
        return run(spec, TrialChannel.unwatched());
    }

    /**
     * Runs {@code spec}, telling its phases and tasks alive through {@code channel}; a workload or
     * scheduler failure becomes a failed result, never an exception. For the trial process and
     * {@code --no-fork}, both in {@code dev.sab.harness.internal}.
     */
    @SuppressWarnings("exports")
    public static TrialResult run(TrialSpec spec, TrialChannel channel) {
        long deadline = System.nanoTime() + spec.timeoutMillis() * 1_000_000L;
        Scheduler scheduler;
        try {
            scheduler = Schedulers.create(spec.scheduler());
        } catch (RuntimeException e) {
            return TrialResult.failed("could not create scheduler " + spec.scheduler() + ": " + e.getMessage(), null);
        }
        TrialResult result = null;
        try {
            result = iterations(spec, scheduler, channel, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = TrialResult.failed("interrupted", null);
        } finally {
            channel.enter(TrialChannel.SAMPLED);
            String unclosed = close(scheduler, deadline, spec.timeoutMillis());
            if (unclosed != null && result != null && result.ok()) {
                result = result.markFailed(unclosed);
            }
        }
        return result;
    }

    private static TrialResult iterations(TrialSpec spec, Scheduler scheduler, TrialChannel channel, long deadline)
            throws InterruptedException {
        MemoryResult heap = null;
        int iterations = spec.warmup() + 1;
        for (int i = 0; i < iterations - 1; i++) {
            Role role = new Role(false, i == 0, i == iterations - 2);
            Attempt warm = iterate(spec, scheduler, channel, role, spec.seed() + i + 1, deadline);
            if (warm.result != null && !warm.result.ok()) {
                return warm.result.markFailed("warm-up iteration " + (i + 1) + " failed: " + warm.result.error());
            }
            if (warm.heap != null) {
                heap = warm.heap;
            }
        }
        Attempt measured = iterate(spec, scheduler, channel, new Role(true, iterations == 1, iterations == 1), spec.seed(),
                deadline);
        return measured.result.withMemory(heap != null ? heap : measured.heap);
    }

    /**
     * Closes {@code scheduler}, which waits for its tasks to end, for at most what is left of the
     * trial's time plus a grace of {@link #CLOSE_GRACE} or the trial's timeout, whichever is
     * shorter; returns null, or why the trial must count as failed.
     * A scheduler that lost a task would otherwise hold this thread forever, and with
     * {@code --no-fork} the whole run and the results it has finished with it (a forked trial's
     * process is killed at its timeout instead). The closing thread is a daemon: if it never
     * returns, it is left behind.
     */
    private static String close(Scheduler scheduler, long deadline, long timeoutMillis) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread closer = Thread.ofPlatform().daemon().name("sab-close-" + scheduler.name()).start(() -> {
            try {
                scheduler.close();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        long grace = Math.min(CLOSE_GRACE.toNanos(), timeoutMillis * 1_000_000L);
        long wait = Math.max(0, deadline - System.nanoTime()) + grace;
        boolean interrupted = false;
        while (closer.isAlive() && wait > 0) {
            long t0 = System.nanoTime();
            try {
                closer.join(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                interrupted = true; // the close still needs its time: the results wait on it
            }
            wait -= System.nanoTime() - t0;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            return "scheduler " + scheduler.name() + " did not close within " + grace / 1_000_000
                    + " ms after the trial's time: a task never ended (" + scheduler.metrics().get("tasksInFlight")
                    .map(m -> m.value() + " in flight").orElse("tasks in flight unknown") + ")";
        }
        Throwable t = failure.get();
        return t == null ? null : "closing scheduler " + scheduler.name() + " failed: " + t;
    }

    /** The tags {@code workload} gives its first {@code tasks} tasks, without repeats or null. */
    private static Set<String> tags(Workload workload, int tasks) {
        Set<String> tags = new TreeSet<>();
        for (int i = 0; i < tasks; i++) {
            String tag = workload.tag(i);
            if (tag != null) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** An iteration's result (null for a warm-up that went well) and its heap measurement, if it took one. */
    private record Attempt(TrialResult result, MemoryResult heap) {
    }

    private static Attempt iterate(TrialSpec spec, Scheduler scheduler, TrialChannel channel, Role role, long seed,
                                   long deadline) throws InterruptedException {
        Workload workload;
        try {
            workload = Workloads.create(spec.workload(), spec.params());
        } catch (RuntimeException e) {
            return new Attempt(TrialResult.failed("could not create workload " + spec.workload() + ": " + e.getMessage(), null),
                    null);
        }
        HeapAtPeak heap = role.probeHeap() ? new HeapAtPeak(channel, role.name()) : null;
        Path tempDir = null;
        try {
            tempDir = Files.createTempDirectory("sab-trial-");
            workload.setup(new WorkloadEnv(scheduler, spec.tasks(), tempDir, seed));
            // the histograms at their full size before the baselines: not the tasks' memory
            LatencyRecorders recorders = new LatencyRecorders(Math.max(deadline - System.nanoTime(), 1_000_000_000L),
                    tags(workload, spec.tasks()));
            if (role.sampleResident() || heap != null) {
                long heapBaseline = HeapAtPeak.heapAfterFullGc(); // also lets the collector give memory back before the RSS baseline
                if (heap != null) {
                    heap.baseline(heapBaseline);
                }
            }
            if (role.sampleResident()) {
                channel.enter(TrialChannel.BASELINE);
                channel.awaitAck(TrialChannel.BASELINE);
                channel.enter(TrialChannel.SAMPLING);
            }
            Iteration iteration = new Iteration(spec, scheduler, workload, channel, heap != null ? heap::take : () -> { },
                    recorders, seed, deadline);
            Attempt attempt = role.measured() ? measure(iteration, role, heap)
                    : warmUp(iteration, heap);
            if (role.sampleResident()) {
                channel.enter(TrialChannel.SAMPLED);
            }
            return attempt;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new Attempt(TrialResult.failed("workload " + spec.workload() + " failed: " + e, null), null);
        } finally {
            try {
                workload.teardown();
            } catch (Exception ignored) {
                // the trial's result stands; a teardown failure must not hide it
            }
            deleteRecursively(tempDir);
        }
    }

    private static Attempt warmUp(Iteration iteration, HeapAtPeak heap) throws InterruptedException {
        IterationOutcome outcome = driverFor(iteration.workload()).run(iteration);
        if (outcome.error() != null) {
            return new Attempt(TrialResult.failed(outcome.error(), null), null);
        }
        Verification v = iteration.workload().verify();
        if (!v.ok()) {
            return new Attempt(TrialResult.failed("verification failed: " + v.message(), null), null);
        }
        return new Attempt(null, heap == null ? null : heap.result());
    }

    private static Attempt measure(Iteration iteration, Role role, HeapAtPeak heap) throws InterruptedException {
        Scheduler scheduler = iteration.scheduler();
        Workload workload = iteration.workload();
        SchedulerMetrics before = scheduler.metrics();
        ProcessCounters counters = ProcessCounters.start();
        long cpuWindowStart = System.nanoTime();
        ResponsivenessProbe probe = ResponsivenessProbe.start(scheduler);
        IterationOutcome outcome;
        ProbeResult probed;
        try {
            outcome = driverFor(workload).run(iteration);
        } finally {
            probed = probe.finish(PROBE_DRAIN);
        }
        long cpu = counters.cpuNanosSince();
        long cpuWindow = System.nanoTime() - cpuWindowStart; // the CPU time's own window, wider than the tasks' wall time
        ProcessResult process = counters.since();
        MemoryResult heapResult = heap == null ? null : heap.result();
        if (outcome.latency() == null) {
            return new Attempt(TrialResult.failed(outcome.error(), null), heapResult);
        }
        Verification verification = workload.verify();
        long wall = outcome.wallNanos();
        Map<String, TagResult> tags = new LinkedHashMap<>();
        outcome.tags().forEach((tag, h) -> tags.put(tag, new TagResult(LatencySummary.of(h))));
        CpuResult cpuResult = new CpuResult(cpu, cpuWindow > 0 ? (double) cpu / cpuWindow : 0, CpuKernel.calibration().nsPerUnit());
        String error = outcome.error();
        if (error == null && !verification.ok()) {
            error = "verification failed: " + verification.message();
        }
        TrialResult result = new TrialResult(error == null, error, null, outcome.tasks(), wall,
                wall > 0 ? outcome.tasks() * 1e9 / wall : 0, LatencySummary.of(outcome.latency()),
                outcome.startDelay() == null ? null : LatencySummary.of(outcome.startDelay()), probed, null, cpuResult,
                process, outcome.arrival(), delta(before, scheduler.metrics()), tags, verification.metrics());
        return new Attempt(result, heapResult);
    }

    /**
     * The driver of a workload's iterations: tasks spawned as the arrival mode says, or, for a
     * server workload, requests from {@code sab load} in a JVM of its own.
     */
    private static IterationDriver driverFor(Workload workload) {
        return workload.externalLoad().<IterationDriver>map(ExternalLoadDriver::new).orElseGet(ArrivalDriver::new);
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

    /**
     * Heap used after a full collection, at the baseline and at the peak of tasks alive. Called
     * only on the trial's driving thread.
     */
    private static final class HeapAtPeak {
        private final TrialChannel channel;
        private final String where;
        private Long baseline;
        private volatile Long atPeak; // written by whichever thread reaches the peak; read after the tasks are joined
        private volatile Long tasks;

        HeapAtPeak(TrialChannel channel, String where) {
            this.channel = channel;
            this.where = where;
        }

        static long heapAfterFullGc() {
            System.gc(); // a full, stop-the-world collection with the default collectors (G1, Parallel, Serial)
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        void baseline(long bytes) {
            baseline = bytes;
        }

        void take() {
            tasks = channel.alive();
            atPeak = heapAfterFullGc();
        }

        MemoryResult result() {
            return MemoryResult.heapOnly(baseline, atPeak, tasks, where);
        }
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
