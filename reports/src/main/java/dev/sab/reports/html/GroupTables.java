package dev.sab.reports.html;

import dev.sab.reports.format.Units;
import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summaries;
import dev.sab.reports.model.Summary;
import dev.sab.reports.model.TrialResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of one group: every number the figures show and those they do not (p90, p99.9,
 * start delay, CPU, GC, threads, context switches), latency by tag, what the workload itself
 * measured, the schedulers' own counters, and the failed trials with their reasons. Numbers are
 * medians over the ok trials, as in summary.md.
 */
final class GroupTables {
    private static final String NONE = "–";
    /** A counter of one numbered part: {@code p0.stolen}, {@code loop3.iterations}, {@code w1.tasks}. */
    private static final Pattern PART = Pattern.compile("([A-Za-z]+[0-9]+)\\.(.+)");

    private final CellGroup group;
    private final Palette palette;

    GroupTables(CellGroup group, Palette palette) {
        this.group = group;
        this.palette = palette;
    }

    String render() {
        Html h = new Html();
        latency(h);
        resources(h);
        tags(h);
        workload(h);
        counters(h);
        failures(h);
        return h.toString();
    }

    private void latency(Html h) {
        Long best = group.keyTag().isPresent() ? null : group.cells().stream().map(group::keyFigure)
                .filter(Objects::nonNull).min(Long::compare).orElse(null);
        List<List<?>> rows = new ArrayList<>();
        for (RunResult run : group.cells()) {
            Summary s = run.summary();
            List<Object> row = new ArrayList<>(List.of(Html.Cell.markup(palette.of(run.scheduler()).swatch(run.scheduler())),
                    ok(s)));
            if (s == null || s.okTrials() == 0) {
                row.addAll(List.of(Html.Cell.text("every trial failed", "failed", null), "", "", "", "", "", "", "", ""));
            } else {
                LatencySummary l = s.latencyNs();
                row.add(throughput(run));
                row.add(nanos(l, LatencySummary::p50));
                row.add(nanos(l, LatencySummary::p90));
                Object p99 = nanos(l, LatencySummary::p99);
                row.add(best != null && l != null && l.p99() == best && group.measured().size() > 1
                        ? Html.Cell.text(p99, "best", "the lowest p99 of this group") : p99);
                row.add(nanos(l, LatencySummary::p999));
                row.add(nanos(l, LatencySummary::max));
                row.add(nanos(s.startDelayNs(), LatencySummary::p99));
                row.add(nanos(s.probeLatenessNs(), LatencySummary::p99));
                row.add(nanos(s.probeLatenessNs(), LatencySummary::max));
            }
            rows.add(row);
        }
        h.raw("<h3>Latency and throughput</h3>");
        h.table("data", List.of("scheduler", "ok trials", "tasks/s (range over trials)", "p50", "p90", "p99", "p99.9",
                "max", "start delay p99", "probe p99", "probe max"), rows, 1);
    }

    private void resources(Html h) {
        List<List<?>> rows = new ArrayList<>();
        for (RunResult run : group.measured()) {
            List<TrialResult> ok = GroupFigures.okTrials(run);
            Summary s = run.summary();
            rows.add(List.of(Html.Cell.markup(palette.of(run.scheduler()).swatch(run.scheduler())),
                    s.memory() == null || s.memory().bytesPerTask() == null ? NONE : Units.bytes(s.memory().bytesPerTask()),
                    s.memory() == null || s.memory().heapBytesPerTask() == null ? NONE : Units.bytes(s.memory().heapBytesPerTask()),
                    s.coresUsed() == null ? NONE : String.format(Locale.ROOT, "%.2f", s.coresUsed()),
                    median(ok, t -> t.cpu() == null ? null : (double) t.cpu().processCpuNanos(), Units::nanos),
                    s.wallNanos() == null ? NONE : Units.nanos(s.wallNanos()),
                    median(ok, t -> t.process() == null ? null : (double) t.process().gcCount(), GroupTables::integer),
                    median(ok, t -> t.process() == null ? null : (double) t.process().gcTimeNanos(), Units::nanos),
                    median(ok, t -> t.process() == null ? null : (double) t.process().peakThreads(), GroupTables::integer),
                    median(ok, t -> t.process() == null || t.process().voluntaryContextSwitches() == null ? null
                            : t.process().voluntaryContextSwitches().doubleValue(), GroupTables::integer),
                    median(ok, t -> t.process() == null || t.process().involuntaryContextSwitches() == null ? null
                            : t.process().involuntaryContextSwitches().doubleValue(), GroupTables::integer)));
        }
        if (rows.isEmpty()) {
            return;
        }
        h.raw("<h3>Memory, CPU and the process</h3>");
        h.table("data", List.of("scheduler", "resident/task", "heap/task", "cores used", "CPU time", "wall time", "GCs",
                "GC time", "peak threads", "voluntary ctx sw", "involuntary ctx sw"), rows, 1);
    }

    private void tags(Html h) {
        List<String> tags = group.tags();
        if (tags.isEmpty()) {
            return;
        }
        List<List<?>> rows = new ArrayList<>();
        for (RunResult run : group.measured()) {
            for (String tag : tags) {
                LatencySummary l = GroupFigures.tag(run.summary(), tag);
                if (l == null) {
                    continue;
                }
                rows.add(List.of(Html.Cell.markup(palette.of(run.scheduler()).swatch(run.scheduler())), tag,
                        integer(l.count()), Units.nanos(l.p50()), Units.nanos(l.p90()),
                        tag.equals(group.keyTag().orElse(null)) ? Html.Cell.text(Units.nanos(l.p99()), "key", "the key figure")
                                : Units.nanos(l.p99()),
                        Units.nanos(l.p999()), Units.nanos(l.max())));
            }
        }
        h.raw("<h3>Latency by tag</h3>");
        h.table("data", List.of("scheduler", "tag", "tasks", "p50", "p90", "p99", "p99.9", "max"), rows, 2);
    }

    private void workload(Html h) {
        Set<String> keys = new LinkedHashSet<>();
        for (RunResult run : group.measured()) {
            GroupFigures.okTrials(run).forEach(t -> {
                if (t.workload() != null) {
                    keys.addAll(t.workload().keySet());
                }
            });
        }
        if (keys.isEmpty()) {
            return;
        }
        List<List<?>> rows = new ArrayList<>();
        for (RunResult run : group.measured()) {
            List<Object> row = new ArrayList<>();
            row.add(Html.Cell.markup(palette.of(run.scheduler()).swatch(run.scheduler())));
            for (String key : keys) {
                row.add(median(GroupFigures.okTrials(run), t -> t.workload() == null || t.workload().get(key) == null ? null
                        : t.workload().get(key).doubleValue(), GroupTables::number));
            }
            rows.add(row);
        }
        List<Object> header = new ArrayList<>(List.of("scheduler"));
        header.addAll(keys);
        h.raw("<h3>What the workload measured</h3>");
        h.table("data", header, rows, 1);
    }

    /**
     * The schedulers' own counters. Those that every scheduler of the group has (tasks spawned,
     * completed, in flight...) in one table, a column per scheduler; then each scheduler's own
     * (a G-M-P scheduler's steals and preemptions, an event loop's phases) in a card of its own,
     * so that no table is mostly empty. Counters of numbered parts ({@code p0.stolen},
     * {@code p1.stolen}: one per processor, loop or worker) form a matrix, a column per part. A
     * name's tooltip is the counter's description.
     */
    private void counters(Html h) {
        List<RunResult> cells = group.measured().stream()
                .filter(r -> r.summary().scheduler() != null && !r.summary().scheduler().isEmpty()).toList();
        if (cells.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> meta = new LinkedHashMap<>();
        Map<String, Integer> sharedBy = new LinkedHashMap<>();
        for (RunResult run : cells) {
            run.summary().scheduler().keySet().forEach(name -> sharedBy.merge(name, 1, Integer::sum));
            for (TrialResult t : GroupFigures.okTrials(run)) {
                if (t.scheduler() != null) {
                    t.scheduler().forEach(meta::putIfAbsent);
                }
            }
        }
        h.raw("<h3>The schedulers' own counters</h3><p class=\"note\">Change over the measured iteration for counters, "
                + "value at its end for gauges; medians over the ok trials. Hover over a name for what it counts.</p>");
        List<String> shared = sharedBy.entrySet().stream().filter(e -> e.getValue() == cells.size())
                .map(Map.Entry::getKey).toList();
        if (!shared.isEmpty()) {
            List<List<?>> rows = new ArrayList<>();
            for (String name : shared) {
                List<Object> row = new ArrayList<>(List.of(counterName(name, meta), unit(name, meta)));
                for (RunResult run : cells) {
                    row.add(value(name, run.summary().scheduler().get(name), meta));
                }
                rows.add(row);
            }
            List<Object> header = new ArrayList<>(List.of("counter", "unit"));
            cells.forEach(r -> header.add(Html.Cell.markup(palette.of(r.scheduler()).swatch(r.scheduler()))));
            h.table("data counters", header, rows, 2);
        }
        StringBuilder cards = new StringBuilder();
        for (RunResult run : cells) {
            List<List<?>> rows = new ArrayList<>();
            Map<String, Map<String, Number>> parts = new LinkedHashMap<>(); // counter -> part -> value
            Set<String> partNames = new LinkedHashSet<>();
            run.summary().scheduler().forEach((name, v) -> {
                if (shared.contains(name)) {
                    return;
                }
                Matcher m = PART.matcher(name);
                if (m.matches()) {
                    partNames.add(m.group(1));
                    parts.computeIfAbsent(m.group(2), k -> new LinkedHashMap<>()).put(m.group(1), v);
                } else {
                    rows.add(List.of(counterName(name, meta), unit(name, meta), value(name, v, meta)));
                }
            });
            if (rows.isEmpty() && parts.isEmpty()) {
                continue;
            }
            Html card = new Html();
            card.raw("<div class=\"card\"><h4>").raw(palette.of(run.scheduler()).swatch(run.scheduler())).raw("</h4>");
            if (!rows.isEmpty()) {
                card.table("data counters", List.of("counter", "unit", "value"), rows, 2);
            }
            if (!parts.isEmpty()) {
                List<List<?>> matrix = new ArrayList<>();
                parts.forEach((counter, byPart) -> {
                    String example = partNames.stream().map(p -> p + "." + counter).filter(meta::containsKey).findFirst()
                            .orElse(counter);
                    List<Object> row = new ArrayList<>(List.of(counterName(counter, Map.of(counter,
                            meta.getOrDefault(example, Map.of()))), unit(example, meta)));
                    for (String part : partNames) {
                        row.add(value(example, byPart.get(part), meta));
                    }
                    matrix.add(row);
                });
                List<Object> header = new ArrayList<>(List.of("each part's", "unit"));
                header.addAll(partNames);
                card.table("data counters", header, matrix, 2);
            }
            cards.append(card).append("</div>");
        }
        if (!cards.isEmpty()) {
            h.raw("<div class=\"cards\">").raw(cards.toString()).raw("</div>\n");
        }
    }

    /** The counter's name; its tooltip says what it counts and whether it is a counter or a gauge. */
    private static Html.Cell counterName(String name, Map<String, Map<String, Object>> meta) {
        Map<String, Object> m = meta.getOrDefault(name, Map.of());
        Object description = m.get("description");
        Object kind = m.get("kind");
        String title = (description == null ? "" : description.toString())
                + ("counter".equals(kind) ? " (a counter: its change over the measured iteration)"
                : "gauge".equals(kind) ? " (a gauge: its value at the end)" : "");
        return Html.Cell.text(name, null, title.isBlank() ? null : title.strip());
    }

    private static String unit(String name, Map<String, Map<String, Object>> meta) {
        return Objects.toString(meta.getOrDefault(name, Map.of()).getOrDefault("unit", ""), "");
    }

    /** A counter's value: nanoseconds as a duration (the exact count in the tooltip), others as numbers. */
    private static Object value(String name, Number v, Map<String, Map<String, Object>> meta) {
        if (v == null) {
            return "";
        }
        if ("ns".equals(unit(name, meta))) {
            return Html.Cell.text(Units.nanos(v.doubleValue()), null, number(v.doubleValue()) + " ns");
        }
        return number(v.doubleValue());
    }

    private void failures(Html h) {
        List<List<?>> rows = new ArrayList<>();
        for (RunResult run : group.cells()) {
            for (int i = 0; i < run.trials().size(); i++) {
                TrialResult t = run.trials().get(i);
                if (t.ok()) {
                    continue;
                }
                String tail = t.stderrTail() == null || t.stderrTail().isBlank() ? ""
                        : "<details><summary>output</summary><pre>" + Html.escape(t.stderrTail()) + "</pre></details>";
                rows.add(List.of(Html.Cell.markup(palette.of(run.scheduler()).swatch(run.scheduler())),
                        Integer.toString(i + 1), Html.Cell.text(t.error(), "reason", null), Html.Cell.markup(tail)));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        h.raw("<h3 class=\"failed\" id=\"" + group.anchor() + "-failed\">Failed trials</h3>");
        h.table("data failures", List.of("scheduler", "trial", "reason", "end of its output"), rows, Html.NO_NUMBERS);
    }

    private static String ok(Summary s) {
        return s == null ? "0/0" : s.okTrials() + "/" + (s.okTrials() + s.failedTrials());
    }

    private static String throughput(RunResult run) {
        Double median = run.summary().throughputPerSec();
        if (median == null) {
            return NONE;
        }
        List<TrialResult> ok = GroupFigures.okTrials(run);
        if (ok.size() < 2) {
            return Units.rate(median);
        }
        double lo = ok.stream().mapToDouble(TrialResult::throughputPerSec).min().orElse(median);
        double hi = ok.stream().mapToDouble(TrialResult::throughputPerSec).max().orElse(median);
        return Units.rate(median) + " (" + Units.rate(lo) + "–" + Units.rate(hi) + ")";
    }

    private static String nanos(LatencySummary l, Function<LatencySummary, Long> f) {
        return LatencySummary.hasValues(l) ? Units.nanos(f.apply(l)) : NONE;
    }

    private static String median(List<TrialResult> trials, Function<TrialResult, Double> f, Function<Double, String> show) {
        double[] values = trials.stream().map(f).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? NONE : show.apply(Summaries.median(values));
    }

    private static String integer(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? integer(v) : AxisFormat.digits(v);
    }
}
