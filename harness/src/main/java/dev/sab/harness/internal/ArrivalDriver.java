package dev.sab.harness.internal;

import dev.sab.harness.Arrival;
import dev.sab.reports.model.ArrivalResult;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Task;
import dev.sab.schedulers.TaskHandle;
import dev.sab.workloads.Workload;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongBinaryOperator;

/**
 * Spawns a workload's tasks on the scheduler from the trial's driving thread, as the arrival mode
 * says (see {@link Arrival}), and times each one. A burst from a task ({@code burst:task}) is
 * spawned instead by one extra task on the scheduler, with {@code Ctx.spawn}, and the driver waits
 * for that task; the spawner is not a task of the workload (it is not timed, but the scheduler's
 * own task count includes it).
 *
 * <p>Each task is wrapped: the wrapper records the start delay (spawn call to first instruction),
 * runs the body, and records the latency from the task's reference time to its end. The reference
 * time is the spawn call in burst and closed-loop runs, and the intended start in open-loop runs:
 * when the driver itself falls behind (a spawn that blocks, a scheduler that cannot keep up), the
 * tasks it spawns late still count from when they should have started, so a stall is charged to
 * every task it delays, as wrk2 does.
 *
 * <p>The peak of an iteration, where {@link Iteration#atPeak()} runs, is the later of the last spawn
 * and the first task's end: until then the tasks alive only grow, and a task that fills its memory
 * after it starts has filled it. It runs on the thread that gets there second: the driver, or the
 * first task to end (before that task counts itself gone).
 *
 * <p>Open-loop start times are {@code start + i / rate} (constant; computed from {@code i}, so
 * rounding never accumulates into drift) or the partial sums of exponential gaps of mean
 * {@code 1 / rate} drawn from the iteration's seed (Poisson).
 */
public final class ArrivalDriver implements IterationDriver {
    /** Below this the driver spins instead of parking: parkNanos overshoots by tens of µs on Linux. */
    private static final long SPIN_BELOW_NANOS = 50_000;
    /**
     * Linked when the class is, not when the first task ends: an {@code invokedynamic} in the task
     * wrapper is unlinked until then, and a wrapper compiled during a burst before any task ended
     * deoptimized at it once per task (230,016 of 300,000 tasks in one million-sleeper trial).
     */
    private static final LongBinaryOperator MAX = Math::max;

    @Override
    public IterationOutcome run(Iteration it) throws InterruptedException {
        int n = it.spec().tasks();
        Arrival arrival = it.spec().arrivalMode();
        Workload workload = it.workload();
        Scheduler scheduler = it.scheduler();
        TrialChannel channel = it.channel();
        LatencyRecorders recorders = it.recorders();
        AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
        Semaphore inFlight = arrival instanceof Arrival.Closed c ? new Semaphore(c.concurrency()) : null;
        Arrival.Open open = arrival instanceof Arrival.Open o ? o : null;
        double gapNanos = open == null ? 0 : 1e9 / open.ratePerSec();
        SplittableRandom random = new SplittableRandom(it.seed());
        PeakGate peak = new PeakGate(it.atPeak());
        @SuppressWarnings({"unchecked", "rawtypes"})
        TaskHandle<Void>[] handles = new TaskHandle[n];

        long start = System.nanoTime();
        double poissonOffset = 0;
        long maxLag = 0;
        long lastSpawn = start;
        if (arrival instanceof Arrival.Burst b && b.fromTask()) {
            SpawnerTask spawner = new SpawnerTask(n, workload, recorders, lastEnd, channel, peak, handles, it.deadlineNanos());
            TaskHandle<Void> handle = scheduler.spawn(spawner);
            long left = it.deadlineNanos() - System.nanoTime();
            if (!handle.join(Duration.ofNanos(Math.max(1, left))) || spawner.timedOut) {
                spawner.stop = true;
                handle.cancel();
                handle.join(Duration.ofSeconds(1)); // it stops at its next spawn; its handles are then all written
                return timedOut(handles, spawner.spawned, n, it);
            }
            if (handle.exception() != null) {
                Throwable t = handle.exception();
                cancelAll(handles, spawner.spawned);
                return IterationOutcome.failed("the spawner task failed after " + spawner.spawned + " of " + n + " spawns: " + t);
            }
            lastSpawn = spawner.lastSpawn;
        } else {
            for (int i = 0; i < n; i++) {
                Task body = workload.task(i);
                Recorder tagRecorder = recorders.tag(workload.tag(i));
                long reference;
                if (inFlight != null) {
                    long left = it.deadlineNanos() - System.nanoTime();
                    if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                        return timedOut(handles, i, n, it);
                    }
                    reference = System.nanoTime();
                } else if (open != null) {
                    if (i > 0) {
                        poissonOffset += -Math.log(1 - random.nextDouble()) * gapNanos;
                    }
                    long intended = start + Math.round(open.poisson() ? poissonOffset : i * gapNanos);
                    waitUntil(intended);
                    maxLag = Math.max(maxLag, System.nanoTime() - intended);
                    reference = intended;
                } else {
                    reference = System.nanoTime();
                }
                channel.taskSpawned();
                long spawned = System.nanoTime();
                lastSpawn = spawned;
                handles[i] = scheduler.spawn(wrap(body, tagRecorder, reference, spawned, recorders, lastEnd, channel, inFlight,
                        peak));
                if (System.nanoTime() - it.deadlineNanos() > 0) {
                    return timedOut(handles, i + 1, n, it);
                }
            }
            peak.arrive();
        }
        for (int i = 0; i < n; i++) {
            long left = it.deadlineNanos() - System.nanoTime();
            if (left <= 0 || !handles[i].join(Duration.ofNanos(left))) {
                return timedOut(handles, n, n, it);
            }
        }

        long wall = Math.max(0, lastEnd.get() - start);
        int failed = 0;
        String first = null;
        for (int i = 0; i < n; i++) {
            Throwable t = handles[i].exception();
            if (t != null && failed++ == 0) {
                first = "task " + i + ": " + t;
            }
        }
        Histogram latency = recorders.latencyHistogram();
        String error = null;
        if (failed > 0) {
            error = failed + " of " + n + " tasks failed; first, " + first;
        } else if (latency.getTotalCount() != n) {
            error = "only " + latency.getTotalCount() + " of " + n + " tasks recorded a latency";
        }
        double spanNanos = lastSpawn - start;
        Double achieved = n > 1 && spanNanos > 0 ? (n - 1) * 1e9 / spanNanos : null;
        ArrivalResult arrivalResult = switch (arrival) {
            case Arrival.Burst b -> new ArrivalResult(b.fromTask() ? "burst-from-task" : "burst", null, null, achieved, null,
                    "spawn");
            case Arrival.Closed c -> new ArrivalResult("closed", c.concurrency(), null, achieved, null, "spawn");
            case Arrival.Open o -> new ArrivalResult(o.poisson() ? "open-poisson" : "open", null, o.ratePerSec(), achieved,
                    maxLag, "intended start");
        };
        return new IterationOutcome(n, wall, latency, recorders.tagHistograms(), recorders.startDelayHistogram(),
                arrivalResult, error);
    }

    private static Task wrap(Task body, Recorder tagRecorder, long reference, long spawned, LatencyRecorders recorders,
                             AtomicLong lastEnd, TrialChannel channel, Semaphore inFlight, PeakGate peak) {
        return ctx -> {
            recorders.startDelay(System.nanoTime() - spawned);
            try {
                body.run(ctx);
            } finally {
                long end = System.nanoTime();
                recorders.latency(end - reference, tagRecorder);
                lastEnd.accumulateAndGet(end, MAX); // volatile CAS loop; read by the driver after joining every task
                peak.firstEnd();
                channel.taskEnded();
                if (inFlight != null) {
                    inFlight.release();
                }
            }
        };
    }

    /**
     * The task that spawns a {@code burst:task}: the same spawns as the driver's burst, through
     * the scheduler's {@code Ctx.spawn}. It stops early at the trial's deadline or when the
     * driver sets {@link #stop}. The driver reads its fields after joining it.
     */
    private static final class SpawnerTask implements Task {
        private final int n;
        private final Workload workload;
        private final LatencyRecorders recorders;
        private final AtomicLong lastEnd;
        private final TrialChannel channel;
        private final PeakGate peak;
        private final TaskHandle<Void>[] handles;
        private final long deadlineNanos;
        volatile boolean stop;
        volatile boolean timedOut;
        volatile int spawned; // read by the driver also when it gives up waiting
        long lastSpawn;       // read by the driver after joining

        SpawnerTask(int n, Workload workload, LatencyRecorders recorders, AtomicLong lastEnd, TrialChannel channel,
                    PeakGate peak, TaskHandle<Void>[] handles, long deadlineNanos) {
            this.n = n;
            this.workload = workload;
            this.recorders = recorders;
            this.lastEnd = lastEnd;
            this.channel = channel;
            this.peak = peak;
            this.handles = handles;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void run(Ctx ctx) {
            for (int i = 0; i < n; i++) {
                if (stop) {
                    return;
                }
                Task body = workload.task(i);
                Recorder tagRecorder = recorders.tag(workload.tag(i));
                long reference = System.nanoTime();
                channel.taskSpawned();
                long at = System.nanoTime();
                lastSpawn = at;
                handles[i] = ctx.spawn(wrap(body, tagRecorder, reference, at, recorders, lastEnd, channel, null, peak));
                spawned = i + 1; // volatile write after the handle's: the driver reads the handles below it
                if (System.nanoTime() - deadlineNanos > 0) {
                    timedOut = true;
                    return;
                }
            }
            peak.arrive();
        }
    }

    private static void cancelAll(TaskHandle<Void>[] handles, int spawned) {
        for (int i = 0; i < spawned; i++) {
            if (handles[i] != null) {
                handles[i].cancel();
            }
        }
    }

    /** Runs the peak action once, when both the last spawn and the first end have happened. */
    private static final class PeakGate {
        private final Runnable action;
        private final java.util.concurrent.atomic.AtomicInteger missing = new java.util.concurrent.atomic.AtomicInteger(2);
        private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

        PeakGate(Runnable action) {
            this.action = action;
        }

        /** The last spawn is done. Called once, by the driver. */
        void arrive() {
            if (missing.decrementAndGet() == 0) { // volatile RMW: the second of the two events runs the action
                action.run();
            }
        }

        /** A task ended; only the first counts. Any thread. */
        void firstEnd() {
            if (!ended.get() && ended.compareAndSet(false, true) && missing.decrementAndGet() == 0) {
                action.run();
            }
        }
    }

    private static void waitUntil(long intended) {
        long left;
        while ((left = intended - System.nanoTime()) > 0) {
            if (left > SPIN_BELOW_NANOS) {
                LockSupport.parkNanos(left - SPIN_BELOW_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static IterationOutcome timedOut(TaskHandle<Void>[] handles, int spawned, int n, Iteration it) {
        long done = 0;
        for (int i = 0; i < spawned; i++) {
            if (handles[i] != null && handles[i].isDone()) {
                done++;
            }
        }
        cancelAll(handles, spawned);
        return IterationOutcome.failed("timed out after " + it.spec().timeoutMillis() + " ms with " + done + " of " + n
                + " tasks finished" + (spawned < n ? " (" + spawned + " spawned)" : ""));
    }
}
