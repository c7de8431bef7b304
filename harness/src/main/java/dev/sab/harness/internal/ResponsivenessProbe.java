package dev.sab.harness.internal;

import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.ProbeResult;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.TaskHandle;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The responsiveness probe: the scheduler-neutral form of Node's {@code monitorEventLoopDelay}.
 * Every {@value #INTERVAL_NANOS} ns, at times fixed in advance ({@code start + k × interval}), a
 * ticker thread outside the scheduler spawns a tiny task on it; the task records how late its first
 * instruction ran against its tick. On an event loop that is the loop's delay; on a pool of
 * threads, the wait in the queue; on any scheduler, how long a request arriving now would wait
 * before anything happened for it.
 *
 * <p>Why a new task per tick and not one long-lived task that sleeps 10 ms in a loop, which is
 * what {@code monitorEventLoopDelay} does on Node's loop: on a scheduler whose waits hold a thread
 * (a fixed pool), a long-lived probe would take a worker away from the workload for the whole
 * trial. A task per tick costs the workload nothing between ticks on every scheduler alike.
 *
 * <p>The ticks are fixed in advance, so a ticker that is itself delayed (a busy machine) spawns
 * the ticks it missed at once, each charged from its own intended time: a stall shows as every
 * tick it swallowed, not as one sample (coordinated omission, avoided here as in the open-loop
 * arrivals).
 */
public final class ResponsivenessProbe implements AutoCloseable {
    /** Node's monitorEventLoopDelay samples every 10 ms by default ({@code resolution: 10}). */
    public static final long INTERVAL_NANOS = 10_000_000;

    private final Scheduler scheduler;
    private final Recorder lateness = new Recorder(LatencyRecorders.SIGNIFICANT_DIGITS);
    private final List<TaskHandle<Void>> probes = new ArrayList<>(); // touched only by the ticker, then by close() after join
    private final Thread ticker;
    private volatile boolean running = true;

    private ResponsivenessProbe(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.ticker = Thread.ofPlatform().name("sab-probe-ticker").daemon(true).start(this::tick);
    }

    /** Starts ticking on {@code scheduler}. */
    public static ResponsivenessProbe start(Scheduler scheduler) {
        return new ResponsivenessProbe(scheduler);
    }

    private void tick() {
        long start = System.nanoTime();
        for (long k = 1; running; k++) {
            long intended = start + k * INTERVAL_NANOS;
            long left;
            while (running && (left = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
            if (!running) {
                return;
            }
            try {
                probes.add(scheduler.spawn(ctx -> lateness.recordValue(Math.max(0, System.nanoTime() - intended))));
            } catch (RuntimeException e) {
                return; // the scheduler is closing
            }
        }
    }

    /**
     * Stops ticking, waits (at most {@code wait}) for the probes already spawned to run, and returns
     * what they recorded. Called once, on the trial's driving thread.
     */
    public ProbeResult finish(Duration wait) throws InterruptedException {
        close();
        long deadline = System.nanoTime() + wait.toNanos();
        for (TaskHandle<Void> p : probes) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !p.join(Duration.ofNanos(left))) {
                p.cancel();
            }
        }
        return new ProbeResult(INTERVAL_NANOS, LatencySummary.of(lateness.getIntervalHistogram()));
    }

    /** Stops ticking; the probes already spawned run on. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(ticker);
        boolean interrupted = false;
        while (ticker.isAlive()) {
            try {
                ticker.join();
            } catch (InterruptedException e) {
                interrupted = true; // the ticker stops within one tick; finish waiting, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
