package dev.sab.schedulers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a scheduler's named metrics. A {@link Kind#COUNTER} only grows over the life of the
 * scheduler; a {@link Kind#GAUGE} is a current or peak value. Every metric documents its unit.
 *
 * @param scheduler the scheduler's name
 * @param metrics   the metrics, in the scheduler's order
 */
public record SchedulerMetrics(String scheduler, List<Metric> metrics) {

    public enum Kind {
        /** Monotonic: never decreases between snapshots of one scheduler. */
        COUNTER,
        /** A current or peak value. */
        GAUGE
    }

    /**
     * One metric.
     *
     * @param name        a stable name, dot-separated for per-part metrics ("p0.schedticks")
     * @param kind        counter or gauge
     * @param unit        what one step of the value is: "tasks", "threads", "ns", "ratio", ...
     * @param value       the value, a {@code Long} for counts and a {@code Double} for ratios
     * @param description one line for reports
     */
    public record Metric(String name, Kind kind, String unit, Number value, String description) {
        public Metric {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(description, "description");
        }
    }

    public SchedulerMetrics {
        metrics = List.copyOf(metrics);
    }

    public Optional<Metric> get(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The value of metric {@code name} as a long; throws if there is none. */
    public long longValue(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("no metric '" + name + "' in " + scheduler))
                .value().longValue();
    }

    /**
     * The metrics as JSON-ready maps, {@code {name: {"value", "kind", "unit", "description"}}}, in
     * order.
     */
    public Map<String, Map<String, Object>> toMap() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Metric m : metrics) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", m.value());
            entry.put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("unit", m.unit());
            entry.put("description", m.description());
            out.put(m.name(), entry);
        }
        return out;
    }

    /** Collects metrics in order. Not thread-safe: one snapshot, one builder. */
    public static Builder builder(String scheduler) {
        return new Builder(scheduler);
    }

    public static final class Builder {
        private final String scheduler;
        private final List<Metric> metrics = new ArrayList<>();

        private Builder(String scheduler) {
            this.scheduler = scheduler;
        }

        public Builder counter(String name, String unit, long value, String description) {
            metrics.add(new Metric(name, Kind.COUNTER, unit, value, description));
            return this;
        }

        public Builder gauge(String name, String unit, Number value, String description) {
            metrics.add(new Metric(name, Kind.GAUGE, unit, value, description));
            return this;
        }

        public Builder addAll(SchedulerMetrics other) {
            metrics.addAll(other.metrics());
            return this;
        }

        public SchedulerMetrics build() {
            return new SchedulerMetrics(scheduler, metrics);
        }
    }
}
