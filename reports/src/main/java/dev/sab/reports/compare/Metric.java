package dev.sab.reports.compare;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.sab.reports.format.Units;
import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.TrialResult;

import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * What {@code sab compare} compares, each read from every ok trial so that the trials' spread is
 * known; the median of those values is the figure the summary tables show.
 */
public enum Metric {
    /** Tasks finished per second of wall time; higher is better. */
    THROUGHPUT("throughput", "tasks/s", true, t -> t.throughputPerSec() > 0 ? t.throughputPerSec() : null, Units::rate),
    /** Median task latency; lower is better. */
    P50("p50", "p50", false, t -> latency(t, LatencySummary::p50), Units::nanos),
    /** 99th percentile task latency; lower is better. */
    P99("p99", "p99", false, t -> latency(t, LatencySummary::p99), Units::nanos),
    /** Worst task latency; lower is better. */
    MAX("max", "max", false, t -> latency(t, LatencySummary::max), Units::nanos),
    /** Resident memory per task alive at the peak, measured from outside; lower is better. */
    MEMORY_PER_TASK("memoryPerTask", "mem/task", false,
            t -> t.memory() == null ? null : t.memory().bytesPerTask(), Units::bytes);

    private final String key;
    private final String column;
    private final boolean higherIsBetter;
    private final Function<TrialResult, Double> read;
    private final DoubleFunction<String> show;

    Metric(String key, String column, boolean higherIsBetter, Function<TrialResult, Double> read,
           DoubleFunction<String> show) {
        this.key = key;
        this.column = column;
        this.higherIsBetter = higherIsBetter;
        this.read = read;
        this.show = show;
    }

    /** The name in JSON output. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The column heading in tables. */
    public String column() {
        return column;
    }

    /** Whether a larger value is an improvement (throughput) rather than a regression (latency, memory). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** This metric of {@code trial}, or null when the trial does not have it. */
    public Double of(TrialResult trial) {
        return read.apply(trial);
    }

    /** {@code value} in this metric's unit, for people. */
    public String format(double value) {
        return show.apply(value);
    }

    private static Double latency(TrialResult t, Function<LatencySummary, Long> f) {
        return LatencySummary.hasValues(t.latencyNs()) ? f.apply(t.latencyNs()).doubleValue() : null;
    }
}
