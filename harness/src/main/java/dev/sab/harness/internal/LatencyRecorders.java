package dev.sab.harness.internal;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The histograms of one iteration: every task's latency, the latency of the tasks of each tag, and
 * every task's start delay. Values are nanoseconds at {@value #SIGNIFICANT_DIGITS} significant
 * digits. Recording is wait-free from any thread (HdrHistogram's {@link Recorder}); reading happens
 * once, after every task has ended.
 *
 * <p>Every histogram is made here, at its full size, for values up to {@code highestNanos} (larger
 * values are recorded as that value): the trial runner makes this object before it takes the heap
 * and resident-set baselines, so the histograms are not counted as the tasks' memory. Left to grow
 * as values arrive (HdrHistogram's auto-resizing), they grew during the iteration by a few hundred
 * KiB, which a run of 200 tasks divided into kibibytes per task.
 */
public final class LatencyRecorders {
    /** HdrHistogram precision: 0.1% of the value, the usual choice for latency (wrk2, Gil Tene's talks). */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final long highestNanos;
    private final Recorder latency;
    private final Recorder startDelay;
    private final Map<String, Recorder> byTag;

    /**
     * @param highestNanos the largest value kept apart from the others (the iteration's time limit
     *                     is a good one: no task outlives it)
     * @param tags         the tags the workload gives its tasks; another tag gets a recorder made on
     *                     first use, after the baselines
     */
    public LatencyRecorders(long highestNanos, Collection<String> tags) {
        this.highestNanos = Math.max(highestNanos, 2);
        this.latency = recorder();
        this.startDelay = recorder();
        Map<String, Recorder> made = new ConcurrentHashMap<>();
        for (String tag : tags) {
            made.put(tag, recorder());
        }
        this.byTag = made;
    }

    private Recorder recorder() {
        return new Recorder(1, highestNanos, SIGNIFICANT_DIGITS);
    }

    /** The recorder of {@code tag}'s latencies; null for no tag. Any thread. */
    public Recorder tag(String tag) {
        return tag == null ? null : byTag.computeIfAbsent(tag, t -> recorder());
    }

    /** Records a task's latency, overall and under its tag's recorder (which may be null). Any thread. */
    public void latency(long nanos, Recorder tagRecorder) {
        long value = clamp(nanos);
        latency.recordValue(value);
        if (tagRecorder != null) {
            tagRecorder.recordValue(value);
        }
    }

    /** Records a task's start delay. Any thread. */
    public void startDelay(long nanos) {
        startDelay.recordValue(clamp(nanos));
    }

    private long clamp(long nanos) {
        return Math.min(Math.max(0, nanos), highestNanos);
    }

    /** Everything recorded so far. Called once, after the tasks have ended. */
    public Histogram latencyHistogram() {
        return latency.getIntervalHistogram();
    }

    /** Called once, after the tasks have ended. */
    public Histogram startDelayHistogram() {
        return startDelay.getIntervalHistogram();
    }

    /** Per tag, in tag order; tags no task recorded under are left out. Called once, after the tasks have ended. */
    public Map<String, Histogram> tagHistograms() {
        Map<String, Histogram> out = new TreeMap<>();
        byTag.forEach((tag, r) -> {
            Histogram h = r.getIntervalHistogram();
            if (h.getTotalCount() > 0) {
                out.put(tag, h);
            }
        });
        return out;
    }
}
