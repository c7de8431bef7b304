package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.UvTimer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code perf_hooks.monitorEventLoopDelay()}: Node's IntervalHistogram. Once enabled, an unref'd
 * libuv timer fires every {@code resolution} ms and records, in nanoseconds, the time since it last
 * fired, as Node's {@code ELDHistogram} does: a loop that keeps up records values near the
 * resolution (about 10 ms by default, as in Node); a blocked loop records the resolution plus the
 * delay. {@link #lateness(double)} subtracts the resolution.
 *
 * <p>Samples go into an HdrHistogram {@link Recorder} on the loop thread; the read methods are
 * thread-safe and see every sample recorded before the call.
 */
public final class EventLoopDelayMonitor implements AutoCloseable {
    /** Node: monitorEventLoopDelay's default resolution, 10 ms. */
    public static final int DEFAULT_RESOLUTION_MS = 10;
    /** The largest delay tracked: one hour in ns; longer ones count in {@link #exceeds()}. */
    static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final EventLoop loop;
    private final int resolutionMs;
    private final UvTimer timer;
    private final Recorder recorder = new Recorder(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS); // guarded by this
    private Histogram interval;          // guarded by this: recycled by the recorder
    private long previousNanos;          // loop thread only
    private volatile long exceeds;       // written by the loop thread only

    EventLoopDelayMonitor(EventLoop loop, int resolutionMs) {
        if (resolutionMs < 1) {
            throw new IllegalArgumentException("resolution " + resolutionMs + " ms: must be at least 1");
        }
        this.loop = loop;
        this.resolutionMs = resolutionMs;
        this.timer = new UvTimer(loop.uv, this::sample);
    }

    /** Starts sampling; false if already enabled. Called only on the loop thread. */
    public boolean enable() {
        loop.checkThread("EventLoopDelayMonitor.enable");
        if (timer.isActive()) {
            return false;
        }
        previousNanos = 0;
        timer.start(resolutionMs, resolutionMs);
        timer.unref(); // Node's ELD timer never keeps the process alive
        return true;
    }

    /** Stops sampling; false if not enabled. Called only on the loop thread. */
    public boolean disable() {
        loop.checkThread("EventLoopDelayMonitor.disable");
        if (!timer.isActive()) {
            return false;
        }
        timer.stop();
        return true;
    }

    public int resolutionMs() {
        return resolutionMs;
    }

    private void sample() {
        long now = loop.uv.nanoTime();
        if (previousNanos > 0) {
            long delta = now - previousNanos;
            if (delta > HIGHEST_TRACKABLE_NANOS) {
                exceeds = exceeds + 1; // single writer: the loop thread
            } else if (delta > 0) {
                recorder.recordValue(delta);
            }
        }
        previousNanos = now;
    }

    /** A copy of every sample so far. Thread-safe. */
    public synchronized Histogram snapshot() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return total.copy();
    }

    /** Forgets the samples so far. Thread-safe. */
    public synchronized void reset() {
        interval = recorder.getIntervalHistogram(interval);
        total.reset();
        exceeds = 0;
    }

    /** Samples recorded. */
    public long count() {
        return snapshot().getTotalCount();
    }

    /** The smallest sample in ns; Long.MAX_VALUE with no samples, as Node reports. */
    public long min() {
        Histogram h = snapshot();
        return h.getTotalCount() == 0 ? Long.MAX_VALUE : h.getMinValue();
    }

    public long max() {
        return snapshot().getMaxValue();
    }

    /** The mean in ns; NaN with no samples. */
    public double mean() {
        Histogram h = snapshot();
        return h.getTotalCount() == 0 ? Double.NaN : h.getMean();
    }

    public double stddev() {
        Histogram h = snapshot();
        return h.getTotalCount() == 0 ? Double.NaN : h.getStdDeviation();
    }

    /** The sample at {@code percentile} (0 to 100] in ns. */
    public long percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile " + percentile + " is out of range: expected (0, 100]");
        }
        return snapshot().getValueAtPercentile(percentile);
    }

    /** Samples longer than one hour. */
    public long exceeds() {
        return exceeds;
    }

    /** How late the timer was at {@code percentile}: the sample minus the resolution, in ns, never negative. */
    public long lateness(double percentile) {
        Histogram h = snapshot();
        if (h.getTotalCount() == 0) {
            return 0;
        }
        return Math.max(0, h.getValueAtPercentile(percentile) - resolutionMs * 1_000_000L);
    }

    /** Stops sampling; for the loop's own monitor when the loop closes. */
    @Override
    public void close() {
        if (loop.uv.inLoopThread() && timer.isActive()) {
            timer.stop();
        }
    }

    @Override
    public String toString() {
        Histogram h = snapshot();
        return "EventLoopDelayMonitor { resolution: " + resolutionMs + " ms, count: " + h.getTotalCount()
                + (h.getTotalCount() == 0 ? "" : ", min: " + h.getMinValue() + " ns, max: " + h.getMaxValue() + " ns") + " }";
    }
}
