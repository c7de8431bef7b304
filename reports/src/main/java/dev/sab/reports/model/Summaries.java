package dev.sab.reports.model;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Computes a cell's {@link Summary}: medians over its ok trials. */
public final class Summaries {
    private Summaries() {
    }

    public static Summary of(List<TrialResult> trials) {
        List<TrialResult> ok = trials.stream().filter(TrialResult::ok).toList();
        int failed = trials.size() - ok.size();
        if (ok.isEmpty()) {
            return new Summary(0, failed, null, null, null, null, null, null, null, null, null, Map.of(), Map.of());
        }
        Double bytesPerTask = medianOrNull(ok, t -> t.memory() == null ? null : t.memory().bytesPerTask());
        Double heapPerTask = medianOrNull(ok, t -> t.memory() == null ? null : t.memory().heapBytesPerTask());
        MemoryResult memory = bytesPerTask == null && heapPerTask == null ? null
                : new MemoryResult(bytesPerTask, null, null, null, null, null, null, heapPerTask, null, null, null, null,
                "median over ok trials");
        return new Summary(ok.size(), failed,
                Math.round(median(ok, t -> t.tasks())),
                median(ok, TrialResult::wallNanos),
                median(ok, TrialResult::throughputPerSec),
                latency(ok.stream().map(TrialResult::latencyNs).toList()),
                pooled(ok.stream().map(TrialResult::latencyNs).toList()),
                latency(ok.stream().map(TrialResult::startDelayNs).toList()),
                latency(ok.stream().map(t -> t.probe() == null ? null : t.probe().latenessNs()).toList()),
                memory,
                medianOrNull(ok, t -> t.cpu() == null ? null : t.cpu().coresUsed()),
                schedulerMedians(ok),
                tagMedians(ok));
    }

    /**
     * Every distribution's values in one histogram: an exact merge (HdrHistogram adds bucket
     * counts), so percentiles of the pool are those of all the values together. Null when none
     * carries a histogram.
     */
    public static LatencySummary pooled(List<LatencySummary> all) {
        Histogram pool = null;
        for (LatencySummary l : all) {
            if (l == null || l.histogram() == null) {
                continue;
            }
            Histogram h = l.decode();
            if (pool == null) {
                pool = new Histogram(h.getNumberOfSignificantValueDigits());
            }
            pool.add(h);
        }
        return pool == null ? null : LatencySummary.of(pool);
    }

    /**
     * Median of each percentile over several distributions; the histogram is left out. Empty
     * distributions have no percentiles and are left out too (a trial too short for a single
     * probe tick recorded none): null when no distribution has a value, never a made-up 0.
     */
    public static LatencySummary latency(List<LatencySummary> all) {
        List<LatencySummary> present = all.stream().filter(LatencySummary::hasValues).toList();
        if (present.isEmpty()) {
            return null;
        }
        return new LatencySummary(
                Math.round(medianOf(present, l -> l.count())),
                medianOf(present, LatencySummary::mean),
                Math.round(medianOf(present, l -> l.p50())),
                Math.round(medianOf(present, l -> l.p90())),
                Math.round(medianOf(present, l -> l.p99())),
                Math.round(medianOf(present, l -> l.p999())),
                Math.round(medianOf(present, l -> l.max())),
                null);
    }

    private static Map<String, Number> schedulerMedians(List<TrialResult> ok) {
        Set<String> names = new LinkedHashSet<>();
        ok.forEach(t -> {
            if (t.scheduler() != null) {
                names.addAll(t.scheduler().keySet());
            }
        });
        Map<String, Number> out = new LinkedHashMap<>();
        for (String name : names) {
            Double m = medianOrNull(ok, t -> {
                if (t.scheduler() == null || t.scheduler().get(name) == null) {
                    return null;
                }
                Object v = t.scheduler().get(name).get("value");
                return v instanceof Number n ? n.doubleValue() : null;
            });
            if (m != null) {
                out.put(name, m == Math.rint(m) && Math.abs(m) < 1e15 ? (Number) Math.round(m) : m);
            }
        }
        return out;
    }

    private static Map<String, TagResult> tagMedians(List<TrialResult> ok) {
        Set<String> tags = new LinkedHashSet<>();
        ok.forEach(t -> {
            if (t.tags() != null) {
                tags.addAll(t.tags().keySet());
            }
        });
        Map<String, TagResult> out = new LinkedHashMap<>();
        for (String tag : tags) {
            List<LatencySummary> each = new ArrayList<>();
            for (TrialResult t : ok) {
                if (t.tags() != null && t.tags().get(tag) != null) {
                    each.add(t.tags().get(tag).latencyNs());
                }
            }
            out.put(tag, new TagResult(latency(each)));
        }
        return out;
    }

    private static double median(List<TrialResult> trials, ToDoubleFunction<TrialResult> f) {
        return medianOf(trials, f);
    }

    private static Double medianOrNull(List<TrialResult> trials, Function<TrialResult, Double> f) {
        double[] values = trials.stream().map(f).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? null : median(values);
    }

    private static <T> double medianOf(List<T> items, ToDoubleFunction<T> f) {
        return median(items.stream().mapToDouble(f).toArray());
    }

    /** The median; for an even count, the mean of the middle two. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
