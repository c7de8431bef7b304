package dev.sab.reports.format;

import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary table: one row per cell, medians over ok trials. Rendered as a Markdown table whose
 * columns are padded, so the same text reads well in a terminal and in summary.md.
 */
public final class SummaryTable {
    private static final List<String> HEADER = List.of(
            "scheduler", "workload", "params", "ok", "tasks/s", "p50", "p99", "max", "mem/task");

    private SummaryTable() {
    }

    public static String render(Results results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RunResult run : results.runs()) {
            rows.add(row(run));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, rows.get(0), widths);
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            boolean numeric = c >= 3;
            rule.append(' ').append("-".repeat(Math.max(1, widths[c] - 1))).append(numeric ? ":" : "-").append(" |");
        }
        out.append(rule).append('\n');
        for (List<String> row : rows.subList(1, rows.size())) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static List<String> row(RunResult run) {
        Summary s = run.summary();
        String ok = s.okTrials() + "/" + (s.okTrials() + s.failedTrials());
        if (s.okTrials() == 0) {
            return List.of(run.scheduler(), run.workload(), params(run.params()), ok, "failed", "", "", "", "");
        }
        return List.of(run.scheduler(), run.workload(), params(run.params()), ok,
                Units.rate(s.throughputPerSec()),
                s.latencyNs() == null ? "" : Units.nanos(s.latencyNs().p50()),
                s.latencyNs() == null ? "" : Units.nanos(s.latencyNs().p99()),
                s.latencyNs() == null ? "" : Units.nanos(s.latencyNs().max()),
                s.memory() == null || s.memory().bytesPerTask() == null ? "" : Units.bytes(s.memory().bytesPerTask()));
    }

    private static String params(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(c >= 3 ? pad + cell : cell + pad).append(" |");
        }
        out.append('\n');
    }
}
