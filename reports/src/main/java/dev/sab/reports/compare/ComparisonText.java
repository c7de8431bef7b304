package dev.sab.reports.compare;

import dev.sab.reports.format.JsonFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link Comparison} for people: a padded table of ratios for a terminal, Markdown with both
 * sides' values for a pull request or a review document, or JSON with every trial's spread.
 */
public final class ComparisonText {
    private ComparisonText() {
    }

    /** For a terminal: ratios B/A with their verdicts, padded into columns (also valid Markdown). */
    public static String table(Comparison c) {
        return render(c, false);
    }

    /** For documents: each metric as {@code A → B (ratio verdict)}. */
    public static String markdown(Comparison c) {
        return render(c, true);
    }

    /** Everything, as JSON. */
    public static String json(Comparison c) throws IOException {
        return JsonFormat.toJson(c) + "\n";
    }

    private static String render(Comparison c, boolean markdown) {
        StringBuilder out = new StringBuilder();
        if (markdown) {
            out.append("# sab compare\n\n");
        }
        out.append(markdown ? "- A: " : "A: ").append(describe(c.a(), markdown)).append('\n');
        out.append(markdown ? "- B: " : "B: ").append(describe(c.b(), markdown)).append("\n\n");
        if (!c.environmentDifferences().isEmpty()) {
            out.append("The runs differ in ").append(String.join("; ", c.environmentDifferences())).append(".\n\n");
        }
        String threshold = String.format(Locale.ROOT, "%s%%", trim(c.thresholdPercent()));
        out.append("Ratios are B/A of the medians over each side's ok trials. A change is marked better or worse when it "
                + "is at least ").append(threshold).append(" and beyond the noise: every trial of B beyond every trial "
                + "of A. '~' is within the noise or under ").append(threshold).append("; '?' is over ").append(threshold)
                .append(" with fewer than ").append(Comparisons.MIN_TRIALS).append(" trials' values on a side, too few "
                        + "to know the noise; '–' is a figure a side does not have.\n\n");
        if (c.cells().isEmpty()) {
            out.append("No cell was measured in both results.\n");
        } else {
            out.append(cellTable(c, markdown));
        }
        out.append('\n').append(tally(c)).append('\n');
        List<String> notes = c.cells().stream().filter(cell -> cell.note() != null)
                .map(cell -> label(cell.scheduler(), cell.workload(), cell.params(), cell.tasks(), cell.arrival(), c)
                        + ": " + cell.note()).toList();
        if (!notes.isEmpty()) {
            out.append(markdown ? "\n## Notes\n\n" : "\nNotes:\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        only(out, "A", c.onlyInA(), c, markdown);
        only(out, "B", c.onlyInB(), c, markdown);
        return out.toString();
    }

    private static String cellTable(Comparison c, boolean markdown) {
        List<String> header = new ArrayList<>(List.of("scheduler", "workload", "trials A/B"));
        for (Metric m : Metric.values()) {
            header.add(m.column());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (CellComparison cell : c.cells()) {
            List<String> row = new ArrayList<>();
            row.add(cell.scheduler());
            row.add(workloadLabel(cell.workload(), cell.params(), cell.tasks(), cell.arrival(), c));
            row.add(cell.okTrialsA() + "/" + cell.okTrialsB());
            for (Change ch : cell.changes()) {
                row.add(markdown ? valuesAndRatio(ch) : ratio(ch));
            }
            rows.add(row);
        }
        return pad(rows, 3);
    }

    /** {@code 1.31× worse}, {@code 0.98× ~}, {@code 1.40× ?}, or {@code –} when a side has no value. */
    static String ratio(Change ch) {
        if (ch.ratio() == null) {
            return ch.verdict() == Verdict.MISSING ? "–" : "? (A is 0)";
        }
        double v = ch.ratio();
        String r = (v >= 0.1 || v == 0 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.2g", v)) + "×";
        return switch (ch.verdict()) {
            case BETTER -> r + " better";
            case WORSE -> r + " worse";
            case UNCERTAIN -> r + " ?";
            default -> r + " ~";
        };
    }

    private static String valuesAndRatio(Change ch) {
        String a = ch.a() == null ? "–" : ch.metric().format(ch.a().median());
        String b = ch.b() == null ? "–" : ch.metric().format(ch.b().median());
        String r = ratio(ch);
        if (ch.verdict().changed()) {
            r = "**" + r + "**";
        }
        return a + " → " + b + (ch.verdict() == Verdict.MISSING ? "" : " (" + r + ")");
    }

    private static String tally(Comparison c) {
        long cells = c.cells().size();
        long changedCells = c.cells().stream().filter(cell -> cell.changes().stream().anyMatch(ch -> ch.verdict().changed()))
                .count();
        return cells + (cells == 1 ? " cell" : " cells") + " in both: " + c.count(Verdict.BETTER) + " better, "
                + c.count(Verdict.WORSE) + " worse (in " + changedCells + (changedCells == 1 ? " cell" : " cells") + "), "
                + c.count(Verdict.WITHIN_NOISE) + " within noise, " + c.count(Verdict.UNCERTAIN) + " uncertain, "
                + c.count(Verdict.MISSING) + " missing, of " + cells * Metric.values().length + " metric changes.";
    }

    private static void only(StringBuilder out, String side, List<CellId> ids, Comparison c, boolean markdown) {
        if (ids.isEmpty()) {
            return;
        }
        out.append(markdown ? "\n## Only in " + side + "\n\n" : "\nOnly in " + side + ":\n");
        for (CellId id : ids) {
            out.append("- ").append(label(id.scheduler(), id.workload(), id.params(), id.tasks(), id.arrival(), c))
                    .append(" (").append(id.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" "))).append(id.params().isEmpty() ? "" : ", ")
                    .append(id.tasks()).append(" tasks, ").append(id.arrival()).append(")\n");
        }
    }

    private static String label(String scheduler, String workload, java.util.Map<String, String> params, Integer tasks,
                                String arrival, Comparison c) {
        return scheduler + " / " + workloadLabel(workload, params, tasks, arrival, c);
    }

    /**
     * The workload with the parameters, task count and arrival that tell this cell apart from the
     * other cells of the same workload in either result.
     */
    private static String workloadLabel(String workload, java.util.Map<String, String> params, Integer tasks,
                                        String arrival, Comparison c) {
        List<CellId> same = Stream.concat(Stream.concat(c.cells().stream().map(x -> new CellId(x.scheduler(), x.workload(),
                        x.params(), x.tasks(), x.arrival())), c.onlyInA().stream()), c.onlyInB().stream())
                .filter(id -> id.workload().equals(workload)).toList();
        StringBuilder s = new StringBuilder(workload);
        String distinct = params.entrySet().stream()
                .filter(e -> same.stream().anyMatch(id -> !Objects.equals(id.params().get(e.getKey()), e.getValue())))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        if (!distinct.isEmpty()) {
            s.append(' ').append(distinct);
        }
        if (same.stream().anyMatch(id -> !Objects.equals(id.tasks(), tasks))) {
            s.append(' ').append(tasks).append(" tasks");
        }
        if (same.stream().anyMatch(id -> !Objects.equals(id.arrival(), arrival))) {
            s.append(' ').append(arrival);
        }
        return s.toString();
    }

    private static String describe(Comparison.Source s, boolean markdown) {
        StringBuilder d = new StringBuilder(markdown ? "`" + s.path() + "`" : s.path());
        List<String> parts = new ArrayList<>();
        if (s.command() != null) {
            parts.add(markdown ? "`" + s.command() + "`" : s.command());
        }
        if (s.startTime() != null) {
            parts.add(s.startTime());
        }
        if (s.hostname() != null) {
            parts.add("on " + s.hostname());
        }
        if (s.gitCommit() != null) {
            parts.add("commit " + s.gitCommit());
        }
        if (!parts.isEmpty()) {
            d.append(" (").append(String.join(", ", parts)).append(')');
        }
        return d.toString();
    }

    private static String pad(List<List<String>> rows, int firstNumeric) {
        int[] widths = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append('|');
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r).get(i);
                String space = " ".repeat(widths[i] - cell.length());
                out.append(' ').append(i >= firstNumeric ? space + cell : cell + space).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int i = 0; i < widths.length; i++) {
                    out.append(' ').append("-".repeat(Math.max(1, widths[i] - 1))).append(i >= firstNumeric ? ":" : "-")
                            .append(" |");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
