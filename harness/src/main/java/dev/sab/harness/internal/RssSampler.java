package dev.sab.harness.internal;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Samples the process's resident set every millisecond while a trial runs, remembering the highest
 * sample and how many tasks were alive when it was taken: the numerator and denominator of
 * memory per task.
 */
public final class RssSampler implements AutoCloseable {
    private static final long INTERVAL_NANOS = 1_000_000;

    private final long pid;
    private final LongSupplier tasksAlive;
    private final Thread thread;
    private volatile boolean running = true;
    private final AtomicLong peakRss = new AtomicLong(-1);
    private volatile long tasksAtPeak;

    public RssSampler(long pid, LongSupplier tasksAlive) {
        this.pid = pid;
        this.tasksAlive = tasksAlive;
        this.thread = Thread.ofPlatform().name("sab-rss-sampler").daemon(true).start(this::loop);
    }

    /** The process's RSS now, or -1 when it cannot be read. */
    public static long rssNow(long pid) {
        OptionalLong rss = ProcStatus.bytes(pid, "VmRSS");
        return rss.isPresent() ? rss.getAsLong() : -1;
    }

    private void loop() {
        while (running) {
            sample();
            java.util.concurrent.locks.LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }

    private void sample() {
        long alive = tasksAlive.getAsLong();
        long rss = rssNow(pid);
        if (rss > peakRss.get()) {
            peakRss.set(rss);
            tasksAtPeak = alive;
        }
    }

    /** The highest RSS sampled, or -1. */
    public long peakRss() {
        return peakRss.get();
    }

    public long tasksAtPeak() {
        return tasksAtPeak;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
