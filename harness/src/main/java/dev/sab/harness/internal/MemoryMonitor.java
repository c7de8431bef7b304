package dev.sab.harness.internal;

import dev.sab.reports.model.MemoryResult;

import java.util.concurrent.locks.LockSupport;

/**
 * Watches a trial process's resident memory from outside it: the watcher's half of the
 * {@link TrialChannel} protocol. It waits for the trial's baseline, lets the resident set settle,
 * takes the baseline and resets the high-water mark, then samples the resident set together with
 * the number of tasks alive every {@value #SAMPLE_NANOS} ns while the first iteration runs.
 *
 * <p>The peak is the peak of tasks alive: memory per task is (resident set − baseline) / tasks
 * alive, at the sample with the most tasks alive (of several such, the one with the largest
 * resident set, so that tasks which fill their memory after they start are counted full). Not
 * the peak of the resident set: that comes at the end of an iteration, when the tasks are gone
 * but the pages the heap touched are still resident, and dividing it by the few tasks left would
 * mean nothing. The highest sample and the kernel's high-water mark (VmHWM, which sees between
 * samples too) are reported beside it.
 *
 * <p>For a forked trial this runs in the parent, a different process from the one measured, so
 * the sampling costs the trial nothing but a little of the machine's CPU; with {@code --no-fork}
 * it runs in the trial's own JVM, reading {@code /proc/self}.
 */
public final class MemoryMonitor implements AutoCloseable {
    private static final long SAMPLE_NANOS = 1_000_000;
    private static final long IDLE_POLL_NANOS = 2_000_000;
    /** The collector gives memory back concurrently, tens of ms after a full GC (G1's "Concurrent Uncommit"). */
    private static final long SETTLE_POLL_NANOS = 10_000_000;
    private static final int SETTLE_STABLE_READS = 10;
    private static final long SETTLE_TOLERANCE_BYTES = 128 * 1024;
    private static final long SETTLE_MAX_NANOS = 2_000_000_000L;
    private static final long FINISH_WAIT_MILLIS = 1_000;

    static final String METHOD = "outside: VmRSS of the trial process (/proc/PID/statm, every 1 ms) during the first "
            + "iteration of the trial JVM; (RSS at the sample with the most tasks alive - baseline after setup and a full GC, once settled) "
            + "/ those tasks; VmHWM reset at the baseline through /proc/PID/clear_refs";

    private final long pid;
    private final TrialChannel channel;
    private final Thread thread;
    private volatile boolean running = true;

    // written by the monitor thread only; read by others after close() joins it
    private long baseline = -1;
    private long highest = -1;
    private long mostAlive;
    private long rssAtMostAlive = -1;
    private long samples;
    private long hwm = -1;
    private boolean hwmReset;

    private MemoryMonitor(long pid, TrialChannel channel) {
        this.pid = pid;
        this.channel = channel;
        channel.watch();
        this.thread = Thread.ofPlatform().name("sab-memory-monitor").daemon(true).start(this::loop);
    }

    /** Starts watching process {@code pid} through {@code channel}; call before the trial starts. */
    public static MemoryMonitor start(long pid, TrialChannel channel) {
        return new MemoryMonitor(pid, channel);
    }

    private void loop() {
        ProcStatus.RssReader reader = ProcStatus.RssReader.open(pid);
        if (reader == null) {
            channel.ack(TrialChannel.BASELINE); // nothing to measure: never keep the trial waiting
            return;
        }
        try (reader) {
            while (running) {
                long phase = channel.phase();
                if (phase == TrialChannel.BASELINE && baseline < 0) {
                    baseline = settle(reader);
                    hwmReset = ProcStatus.resetHighWaterMark(pid);
                    channel.ack(TrialChannel.BASELINE);
                } else if (phase == TrialChannel.SAMPLING) {
                    long rss = reader.rss();
                    long alive = channel.alive();
                    if (rss < 0) {
                        return;
                    }
                    samples++;
                    highest = Math.max(highest, rss);
                    if (alive > mostAlive || (alive == mostAlive && rss > rssAtMostAlive)) {
                        mostAlive = alive;
                        rssAtMostAlive = rss;
                    }
                } else if (phase >= TrialChannel.SAMPLED) {
                    if (hwmReset) {
                        hwm = ProcStatus.bytes(pid, "VmHWM").orElse(-1);
                    }
                    return;
                }
                LockSupport.parkNanos(phase == TrialChannel.SAMPLING ? SAMPLE_NANOS : IDLE_POLL_NANOS);
            }
        }
    }

    /**
     * Reads the resident set until it holds still (within the tolerance) for a while, and returns it.
     * Called only on the monitor thread.
     */
    private long settle(ProcStatus.RssReader reader) {
        assert Thread.currentThread() == thread;
        long deadline = System.nanoTime() + SETTLE_MAX_NANOS;
        long anchor = reader.rss();
        int stable = 0;
        long last = anchor;
        while (stable < SETTLE_STABLE_READS && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(SETTLE_POLL_NANOS);
            last = reader.rss();
            if (Math.abs(last - anchor) < SETTLE_TOLERANCE_BYTES) {
                stable++;
            } else {
                anchor = last;
                stable = 0;
            }
        }
        return last;
    }

    /**
     * Stops watching and adds the resident-memory half to {@code heapHalf} (the trial's own, which
     * may be null).
     */
    public MemoryResult finish(MemoryResult heapHalf) throws InterruptedException {
        assert Thread.currentThread() != thread;
        thread.join(FINISH_WAIT_MILLIS); // the trial has entered SAMPLED: let the watcher read the high-water mark
        close();
        MemoryResult base = heapHalf != null ? heapHalf : MemoryResult.heapOnly(null, null, null, null);
        if (baseline < 0) {
            return base.withResident(null, null, null, null, null, null, 0L, METHOD + " (no baseline was taken)");
        }
        Double perTask = rssAtMostAlive < 0 ? null : MemoryResult.perTask(rssAtMostAlive - baseline, mostAlive);
        return base.withResident(perTask, baseline, rssAtMostAlive < 0 ? null : rssAtMostAlive, mostAlive,
                highest < 0 ? null : highest, hwm < 0 ? null : hwm, samples, METHOD);
    }

    /** Stops watching at once. */
    @Override
    public void close() {
        running = false;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the watcher stops within one poll; finish waiting, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
