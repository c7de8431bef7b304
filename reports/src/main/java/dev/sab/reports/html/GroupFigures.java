package dev.sab.reports.html;

import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summaries;
import dev.sab.reports.model.Summary;
import dev.sab.reports.model.TagResult;
import dev.sab.reports.model.TrialResult;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The figures of one group, its schedulers side by side: latency distributions (all tasks, and the
 * key tag's), p50 and p99, latency by tag, throughput with every trial, memory per task, and the
 * responsiveness probe. A figure whose data no cell has (no tags, no memory figure) is left out.
 */
final class GroupFigures {
    /** Tags beyond this many are left to the tag table, so bars stay readable. */
    private static final int MAX_TAG_BARS = 4;

    private final CellGroup group;
    private final FigureWriter writer;
    private final List<RunResult> cells;
    private final List<String> names;
    private int next = 1;

    GroupFigures(CellGroup group, FigureWriter writer) {
        this.group = group;
        this.writer = writer;
        this.cells = group.measured();
        this.names = cells.stream().map(RunResult::scheduler).toList();
    }

    /** Every figure of the group, as HTML; empty when no cell has an ok trial. */
    String render() {
        if (cells.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<div class=\"figures\">\n");
        String from = latencyFrom();
        Map<String, Histogram> all = new LinkedHashMap<>();
        for (RunResult run : cells) {
            LatencySummary pooled = run.summary().pooledLatencyNs();
            if (pooled != null && pooled.histogram() != null) {
                all.put(run.scheduler(), pooled.decode());
            }
        }
        if (!all.isEmpty()) {
            out.append(writer.figure("latency-distribution", number(), "Latency distribution, all tasks",
                    () -> Figures.percentileCurves(all, writer.palette()), Figures.CURVE_HEIGHT,
                    "Each line is one scheduler: every ok trial's latencies pooled (an exact merge of their HdrHistograms, "
                            + count(all) + "). Latency counts " + from + ". Read it from left to right: the left is the "
                            + "typical task, the right the tail (at 99% one task in a hundred waited longer). Markers sit "
                            + "at p50, p90, p99, p99.9… and at the maximum."));
        }
        Optional<String> keyTag = group.keyTag();
        if (keyTag.isPresent()) {
            String tag = keyTag.get();
            Map<String, Histogram> tagged = new LinkedHashMap<>();
            for (RunResult run : cells) {
                LatencySummary pooled = Summaries.pooled(okTrials(run).stream()
                        .map(t -> t.tags() == null || t.tags().get(tag) == null ? null : t.tags().get(tag).latencyNs())
                        .toList());
                if (LatencySummary.hasValues(pooled)) {
                    tagged.put(run.scheduler(), pooled.decode());
                }
            }
            if (!tagged.isEmpty()) {
                out.append(writer.figure("key-tag-distribution", number(), "Latency distribution of the " + tag + " tasks",
                        () -> Figures.percentileCurves(tagged, writer.palette()), Figures.CURVE_HEIGHT,
                        "The key figure of this workload: how the " + Html.escape(tag)
                                + " tasks, the most numerous kind, fare while the others run (" + count(tagged) + ")."));
            }
        }
        out.append(bars("latency-percentiles", "Latency p50 and p99, all tasks", List.of("p50", "p99"),
                List.of(s -> lat(s.latencyNs(), LatencySummary::p50), s -> lat(s.latencyNs(), LatencySummary::p99)),
                AxisFormat.Kind.NANOS, "latency", true,
                "Medians over the ok trials of each trial's percentile, as in the tables."));
        List<String> tags = group.tags();
        if (!tags.isEmpty()) {
            List<String> shown = tags.subList(0, Math.min(MAX_TAG_BARS, tags.size()));
            List<Function<Summary, Double>> values = new ArrayList<>();
            for (String tag : shown) {
                values.add(s -> s.tags() == null || s.tags().get(tag) == null ? null : lat(s.tags().get(tag).latencyNs(),
                        LatencySummary::p99));
            }
            out.append(bars("latency-by-tag", "Latency p99 by tag", shown.stream().map(t -> t + " p99").toList(), values,
                    AxisFormat.Kind.NANOS, "latency", false, "Each kind of task on its own: medians over the ok trials of "
                            + "each trial's p99" + (shown.size() < tags.size() ? "; the other tags are in the table" : "")
                            + "."));
        }
        double[] medians = new double[cells.size()];
        List<List<Double>> trials = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            Double m = cells.get(c).summary().throughputPerSec();
            medians[c] = m == null ? Double.NaN : m;
            trials.add(okTrials(cells.get(c)).stream().map(TrialResult::throughputPerSec).toList());
        }
        out.append(writer.figure("throughput", number(), "Throughput",
                () -> Figures.medianWithTrials(names, medians, trials, AxisFormat.Kind.RATE, "tasks per second"),
                barHeight(names.size(), 1),
                "Tasks finished per second of wall time: the bar is the median, each dot one trial."));
        if (cells.stream().anyMatch(r -> r.summary().memory() != null)) {
            out.append(bars("memory-per-task", "Memory per task", List.of("resident", "heap"),
                    List.of(s -> s.memory() == null ? null : s.memory().bytesPerTask(),
                            s -> s.memory() == null ? null : s.memory().heapBytesPerTask()),
                    AxisFormat.Kind.BYTES, "bytes per task alive", false,
                    "Resident: the trial process's RSS growth over its baseline, sampled from outside, per task alive at "
                            + "the peak; it includes stacks and the collector's head-room. Heap: live heap after a full GC, "
                            + "per task alive. Empty with fewer than 100 tasks alive at the peak."));
        }
        if (cells.stream().anyMatch(r -> r.summary().probeLatenessNs() != null)) {
            out.append(bars("probe-lateness", "Responsiveness probe: lateness", List.of("p50", "p99", "max"),
                    List.of(s -> lat(s.probeLatenessNs(), LatencySummary::p50),
                            s -> lat(s.probeLatenessNs(), LatencySummary::p99),
                            s -> lat(s.probeLatenessNs(), LatencySummary::max)),
                    AxisFormat.Kind.NANOS, "how late the probe started", true,
                    "Every 10 ms a tiny task is spawned on the scheduler; this is how late it started: the "
                            + "scheduler-neutral form of Node's monitorEventLoopDelay. Medians over the ok trials."));
        }
        return out.append("</div>\n").toString();
    }

    private String bars(String kind, String caption, List<String> series, List<Function<Summary, Double>> values,
                        AxisFormat.Kind unit, String axis, boolean darkestLast, String note) {
        double[][] v = new double[series.size()][cells.size()];
        boolean any = false;
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < cells.size(); c++) {
                Double d = values.get(s).apply(cells.get(c).summary());
                v[s][c] = d == null ? Double.NaN : d;
                any |= d != null;
            }
        }
        if (!any) {
            return "";
        }
        return writer.figure(kind, number(), caption, () -> Figures.bars(names, series, v, unit, axis, darkestLast),
                barHeight(names.size(), series.size()), note);
    }

    /**
     * The height a horizontal bar chart needs for {@code categories} groups of {@code series} bars.
     * Here rather than in {@link Figures}, whose fonts are not to be touched where no chart can be drawn.
     */
    static int barHeight(int categories, int series) {
        return 96 + categories * (series * 17 + 16);
    }

    private String number() {
        return (group.index() + 1) + "." + next++;
    }

    private String latencyFrom() {
        String arrival = group.arrival();
        if (arrival != null && arrival.startsWith("open")) {
            return "from each task's intended start (open loop: free of coordinated omission)";
        }
        if ("burst:task".equals(arrival)) {
            return "from the spawn, made by one task on the scheduler (an event loop runs each spawned task at once, "
                    + "up to its first await, so there a task's latency is its own run and the wait shows in the "
                    + "spawner's hold on the loop: see the responsiveness probe)";
        }
        return "from the spawn";
    }

    private static String count(Map<String, Histogram> series) {
        long min = series.values().stream().mapToLong(Histogram::getTotalCount).min().orElse(0);
        long max = series.values().stream().mapToLong(Histogram::getTotalCount).max().orElse(0);
        return (min == max ? String.format(Locale.ROOT, "%,d", min) : String.format(Locale.ROOT, "%,d to %,d", min, max))
                + " values per line";
    }

    static List<TrialResult> okTrials(RunResult run) {
        return run.trials().stream().filter(TrialResult::ok).toList();
    }

    private static Double lat(LatencySummary l, Function<LatencySummary, Long> f) {
        return LatencySummary.hasValues(l) ? f.apply(l).doubleValue() : null;
    }

    /** The summary of {@code tag}'s latency in {@code s}, or null when {@code s} has no such tag. */
    static LatencySummary tag(Summary s, String tag) {
        TagResult t = s.tags() == null ? null : s.tags().get(tag);
        return t == null ? null : t.latencyNs();
    }
}
