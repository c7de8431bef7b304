package dev.sab.reports.format;

import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The summary table: one row per cell, medians over ok trials. Rendered as a Markdown table whose
 * columns are padded, so the same text reads well in a terminal and in summary.md. A run's
 * parameters are shown when they tell it apart from the other runs of its workload (all of them
 * for a workload that ran once); the task count and arrival columns appear when the cells differ
 * in them. Everything in force is in results.json.
 *
 * <p>Columns: throughput; latency p50, p99 and max (per task, from submit, or from the intended
 * start in open-loop runs); the responsiveness probe's p99 lateness; resident memory per task
 * (from outside the trial process) and live heap per task (after a full GC).
 */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static String render(Results results) {
        boolean tasksVary = results.runs().stream().map(RunResult::tasks).distinct().count() > 1;
        boolean arrivalVaries = results.runs().stream().map(RunResult::arrival).distinct().count() > 1
                || results.runs().stream().anyMatch(r -> r.arrival() != null && !r.arrival().equals("burst"));
        boolean anyParams = results.runs().stream().anyMatch(r -> !params(r, results).isEmpty());
        List<String> header = new ArrayList<>(List.of("scheduler", "workload"));
        if (anyParams) {
            header.add("params");
        }
        if (tasksVary) {
            header.add("tasks");
        }
        if (arrivalVaries) {
            header.add("arrival");
        }
        int firstNumeric = header.size();
        header.addAll(List.of("ok", "tasks/s", "p50", "p99", "max", "probe p99", "mem/task", "heap/task"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (RunResult run : results.runs()) {
            List<String> row = new ArrayList<>(List.of(run.scheduler(), run.workload()));
            if (anyParams) {
                row.add(params(run, results));
            }
            if (tasksVary) {
                row.add(Objects.toString(run.tasks(), ""));
            }
            if (arrivalVaries) {
                row.add(Objects.toString(run.arrival(), ""));
            }
            row.addAll(numbers(run.summary()));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, rows.getFirst(), widths, firstNumeric);
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            boolean numeric = c >= firstNumeric;
            rule.append(' ').append("-".repeat(Math.max(1, widths[c] - 1))).append(numeric ? ":" : "-").append(" |");
        }
        out.append(rule).append('\n');
        for (List<String> row : rows.subList(1, rows.size())) {
            line(out, row, widths, firstNumeric);
        }
        return out.toString();
    }

    /**
     * One row per cell and tag ({@code light}, {@code heavy}, a route): medians over the ok trials of
     * the tag's p50, p99 and max, and its task count. Empty when no run has tags.
     */
    public static String renderTags(Results results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("scheduler", "workload", "tag", "tasks", "p50", "p99", "max"));
        for (RunResult run : results.runs()) {
            Summary s = run.summary();
            if (s == null || s.tags() == null) {
                continue;
            }
            s.tags().forEach((tag, t) -> {
                if (t.latencyNs() != null) {
                    rows.add(List.of(run.scheduler(), run.workload(), tag, Long.toString(t.latencyNs().count()),
                            Units.nanos(t.latencyNs().p50()), Units.nanos(t.latencyNs().p99()), Units.nanos(t.latencyNs().max())));
                }
            });
        }
        if (rows.size() == 1) {
            return "";
        }
        int[] widths = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, rows.getFirst(), widths, 3);
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            rule.append(' ').append("-".repeat(Math.max(1, widths[c] - 1))).append(c >= 3 ? ":" : "-").append(" |");
        }
        out.append(rule).append('\n');
        for (List<String> row : rows.subList(1, rows.size())) {
            line(out, row, widths, 3);
        }
        return out.toString();
    }

    private static List<String> numbers(Summary s) {
        String ok = s.okTrials() + "/" + (s.okTrials() + s.failedTrials());
        if (s.okTrials() == 0) {
            return List.of(ok, "failed", "", "", "", "", "", "");
        }
        return List.of(ok,
                s.throughputPerSec() == null ? "" : Units.rate(s.throughputPerSec()),
                s.latencyNs() == null ? "" : Units.nanos(s.latencyNs().p50()),
                s.latencyNs() == null ? "" : Units.nanos(s.latencyNs().p99()),
                s.latencyNs() == null ? "" : Units.nanos(s.latencyNs().max()),
                s.probeLatenessNs() == null ? "" : Units.nanos(s.probeLatenessNs().p99()),
                s.memory() == null || s.memory().bytesPerTask() == null ? "" : Units.bytes(s.memory().bytesPerTask()),
                s.memory() == null || s.memory().heapBytesPerTask() == null ? "" : Units.bytes(s.memory().heapBytesPerTask()));
    }

    /**
     * The parameters that tell this run apart from the other runs of its workload; all of them when
     * the workload ran once. Every parameter in force is in results.json.
     */
    private static String params(RunResult run, Results results) {
        List<RunResult> same = results.runs().stream().filter(r -> r.workload().equals(run.workload())).toList();
        return run.params().entrySet().stream()
                .filter(e -> same.size() == 1 || same.stream().anyMatch(r -> !Objects.equals(r.params().get(e.getKey()), e.getValue())))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, int firstNumeric) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(c >= firstNumeric ? pad + cell : cell + pad).append(" |");
        }
        out.append('\n');
    }
}
