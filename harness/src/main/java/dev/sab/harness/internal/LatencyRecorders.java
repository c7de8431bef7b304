package dev.sab.harness.internal;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The histograms of one iteration: every task's latency, the latency of the tasks of each tag, and
 * every task's start delay. Values are nanoseconds at {@value #SIGNIFICANT_DIGITS} significant
 * digits. Recording is wait-free from any thread (HdrHistogram's {@link Recorder}); reading happens
 * once, after every task has ended.
 */
public final class LatencyRecorders {
    /** HdrHistogram precision: 0.1% of the value, the usual choice for latency (wrk2, Gil Tene's talks). */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder latency = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder startDelay = new Recorder(SIGNIFICANT_DIGITS);
    private final Map<String, Recorder> byTag = new ConcurrentHashMap<>();

    /** The recorder of {@code tag}'s latencies, made on first use; null for no tag. Any thread. */
    public Recorder tag(String tag) {
        return tag == null ? null : byTag.computeIfAbsent(tag, t -> new Recorder(SIGNIFICANT_DIGITS));
    }

    /** Records a task's latency, overall and under its tag's recorder (which may be null). Any thread. */
    public void latency(long nanos, Recorder tagRecorder) {
        long value = Math.max(0, nanos);
        latency.recordValue(value);
        if (tagRecorder != null) {
            tagRecorder.recordValue(value);
        }
    }

    /** Records a task's start delay. Any thread. */
    public void startDelay(long nanos) {
        startDelay.recordValue(Math.max(0, nanos));
    }

    /** Everything recorded so far. Called once, after the tasks have ended. */
    public Histogram latencyHistogram() {
        return latency.getIntervalHistogram();
    }

    /** Called once, after the tasks have ended. */
    public Histogram startDelayHistogram() {
        return startDelay.getIntervalHistogram();
    }

    /** Per tag, in tag order. Called once, after the tasks have ended. */
    public Map<String, Histogram> tagHistograms() {
        Map<String, Histogram> out = new TreeMap<>();
        byTag.forEach((tag, r) -> out.put(tag, r.getIntervalHistogram()));
        return out;
    }
}
