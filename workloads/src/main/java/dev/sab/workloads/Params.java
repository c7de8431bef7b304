package dev.sab.workloads;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A workload's parameters after validation, every declared one present. Immutable. */
public final class Params {
    private final String workload;
    private final Map<String, Object> values;
    private final Map<String, String> written;

    Params(String workload, Map<String, Object> values, Map<String, String> written) {
        this.workload = workload;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
    }

    public long longValue(String name) {
        return (Long) require(name);
    }

    public int intValue(String name) {
        return Math.toIntExact((Long) require(name));
    }

    public double ratio(String name) {
        return (Double) require(name);
    }

    public Duration duration(String name) {
        return (Duration) require(name);
    }

    /** A size in bytes. */
    public long bytes(String name) {
        return (Long) require(name);
    }

    public String choice(String name) {
        return (String) require(name);
    }

    /** Every parameter as written ("duration" → "10ms"), for results. */
    public Map<String, String> asWritten() {
        return written;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("workload '" + workload + "' has no parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return written.toString();
    }
}
