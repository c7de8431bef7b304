package dev.sab.reports.html;

import dev.sab.reports.format.AtomicFiles;
import dev.sab.reports.format.ReportFormat;
import dev.sab.reports.format.Units;
import dev.sab.reports.model.Environment;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * report.html: the whole run in one self-contained page (see the package documentation): the key
 * figure of every group of cells, all cells in one table, then per group its figures and tables,
 * and the environment the run came from.
 */
public final class HtmlReportFormat implements ReportFormat {
    public static final String FILE = "report.html";

    private static final String CSS = stylesheet();

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(Results results, Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), render(results).getBytes(StandardCharsets.UTF_8));
    }

    /** The page. */
    public static String render(Results results) {
        return render(results, FigureWriter::new);
    }

    /** The page, its figures written by the writer {@code writers} makes for the report's palette. */
    static String render(Results results, Function<Palette, FigureWriter> writers) {
        List<CellGroup> groups = CellGroup.of(results);
        Palette palette = new Palette(results.runs().stream().map(RunResult::scheduler).distinct().toList());
        FigureWriter figures = writers.apply(palette);
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"sab\">\n")
                .raw("<title>").text("sab report: " + title(results)).raw("</title>\n<style>\n").raw(CSS)
                .raw("</style>\n</head>\n<body>\n");
        header(h, results);
        toc(h, groups, results);
        h.raw("<main class=\"wrap\">\n");
        keyFigures(h, groups, palette);
        allCells(h, results, groups, palette);
        if (figures.unavailable() != null) {
            h.raw("<p class=\"nochart\">Charts are missing from this report: ").text(figures.unavailable()).raw(".</p>");
        }
        for (CellGroup g : groups) {
            group(h, g, figures);
        }
        EnvironmentSection.render(h, results);
        h.raw("</main>\n<footer class=\"wrap\">Written by sab")
                .text(results.environment() == null ? "" : " " + results.environment().sabVersion())
                .raw(" from results.json (schema ").text(results.schema()).raw("). One self-contained file: its styles and ")
                .raw("charts (SVG, drawn with JFreeChart) are inside it, and it loads nothing from anywhere else.</footer>\n")
                .raw("</body>\n</html>\n");
        return h.toString();
    }

    private static void header(Html h, Results results) {
        Environment env = results.environment();
        h.raw("<header class=\"top\"><div class=\"wrap\"><h1>sab report <span class=\"sub\">").text(title(results))
                .raw("</span></h1>\n");
        if (env != null) {
            h.raw("<div class=\"cmd\">").text(env.commandLine()).raw("</div>\n<p class=\"meta\">").text("started "
                    + env.startTime() + (env.hostname() == null ? "" : " on " + env.hostname()) + " · " + env.cores()
                    + " cores · " + env.cpuModel() + " · JDK " + env.jdkVersion()
                    + (env.gitCommit() == null ? "" : " · sab at " + env.gitCommit())).raw("</p>\n");
        }
        long cells = results.runs().size();
        long trials = results.runs().stream().mapToLong(r -> r.trials().size()).sum();
        long failed = results.runs().stream().flatMap(r -> r.trials().stream()).filter(t -> !t.ok()).count();
        h.raw("<div class=\"chips\"><span class=\"chip\">").text(cells + (cells == 1 ? " cell" : " cells"))
                .raw("</span><span class=\"chip\">").text(trials + (trials == 1 ? " trial" : " trials")).raw("</span>");
        if (failed > 0) {
            h.raw("<span class=\"chip bad\">").text(failed + " failed").raw("</span>");
        }
        if (Boolean.TRUE.equals(results.interrupted())) {
            h.raw("<span class=\"chip warn\">stopped before the end: the cells that finished are shown</span>");
        }
        if (results.shard() != null) {
            h.raw("<span class=\"chip\">").text("shard " + results.shard() + " of a larger matrix").raw("</span>");
        }
        if (results.mergedFrom() != null) {
            h.raw("<span class=\"chip\">").text("merged from " + results.mergedFrom().size() + " results").raw("</span>");
        }
        h.raw("</div></div></header>\n");
    }

    private static void toc(Html h, List<CellGroup> groups, Results results) {
        h.raw("<nav class=\"toc\" aria-label=\"contents\"><div class=\"wrap\"><ol><li><a href=\"#key-figures\">Key figures</a></li>")
                .raw("<li><a href=\"#all-cells\">All cells</a></li>");
        for (CellGroup g : groups) {
            h.raw("<li><a href=\"#").raw(g.anchor()).raw("\">").text((g.index() + 1) + " " + g.title()).raw("</a></li>");
        }
        h.raw("<li><a href=\"#environment\">Environment</a></li></ol></div></nav>\n");
    }

    /**
     * One row per group, one column per scheduler: the group's key figure under each, the lowest
     * in bold and every other as a multiple of it.
     */
    private static void keyFigures(Html h, List<CellGroup> groups, Palette palette) {
        List<String> schedulers = groups.stream().flatMap(g -> g.schedulers().stream()).distinct().toList();
        h.raw("<section id=\"key-figures\"><h2>Key figures</h2><p class=\"lead\">For each workload, the figure that "
                + "answers its question, under each scheduler: the p99 latency of the most numerous kind of task when the "
                + "tasks carry tags (the light tasks while heavy ones run), else the p99 of all tasks. Lowest in bold; "
                + "the others as a multiple of it. Medians over the ok trials.</p>\n<div class=\"legend\">");
        for (String s : schedulers) {
            h.raw("<span>").raw(palette.of(s).swatch(s)).raw("</span>");
        }
        h.raw("</div>\n");
        List<Object> header = new ArrayList<>(List.of("workload", "figure"));
        schedulers.forEach(s -> header.add(Html.Cell.markup(palette.of(s).swatch(s))));
        List<List<?>> rows = new ArrayList<>();
        for (CellGroup g : groups) {
            List<Object> row = new ArrayList<>();
            row.add(Html.Cell.markup("<a href=\"#" + g.anchor() + "\">" + Html.escape(g.title()) + "</a>"));
            row.add(g.keyFigureName());
            Long best = g.cells().stream().map(g::keyFigure).filter(Objects::nonNull).min(Long::compare).orElse(null);
            for (String s : schedulers) {
                RunResult run = g.cells().stream().filter(r -> r.scheduler().equals(s)).findFirst().orElse(null);
                if (run == null) {
                    row.add("");
                    continue;
                }
                Long v = g.keyFigure(run);
                if (v == null) {
                    row.add(Html.Cell.text("failed", "failed", "no ok trial"));
                } else if (v.equals(best) && g.measured().size() > 1) {
                    row.add(Html.Cell.text(Units.nanos(v), "best", "the lowest of this row"));
                } else {
                    String ratio = best == null || best <= 0 || g.measured().size() < 2 ? ""
                            : "<span class=\"ratio\">" + AxisFormat.digits((double) v / best) + "×</span>";
                    row.add(new Html.Cell(Html.escape(Units.nanos(v)) + ratio, null, null));
                }
            }
            rows.add(row);
        }
        h.table("data keyfig", header, rows, 2);
        h.raw("</section>\n");
    }

    private static void allCells(Html h, Results results, List<CellGroup> groups, Palette palette) {
        List<List<?>> rows = new ArrayList<>();
        for (CellGroup g : groups) {
            for (RunResult run : g.cells()) {
                Summary s = run.summary();
                List<Object> row = new ArrayList<>();
                row.add(Html.Cell.markup(palette.of(run.scheduler()).swatch(run.scheduler())));
                row.add(Html.Cell.markup("<a href=\"#" + g.anchor() + "\">" + Html.escape(g.title()) + "</a>"));
                row.add(s == null ? "0/0" : s.okTrials() + "/" + (s.okTrials() + s.failedTrials()));
                if (s == null || s.okTrials() == 0) {
                    row.add(Html.Cell.text("failed", "failed", null));
                    row.addAll(List.of("", "", "", "", "", ""));
                } else {
                    row.add(s.throughputPerSec() == null ? "" : Units.rate(s.throughputPerSec()));
                    row.add(s.latencyNs() == null ? "" : Units.nanos(s.latencyNs().p50()));
                    row.add(s.latencyNs() == null ? "" : Units.nanos(s.latencyNs().p99()));
                    row.add(s.latencyNs() == null ? "" : Units.nanos(s.latencyNs().max()));
                    row.add(s.probeLatenessNs() == null ? "" : Units.nanos(s.probeLatenessNs().p99()));
                    row.add(s.memory() == null || s.memory().bytesPerTask() == null ? "" : Units.bytes(s.memory().bytesPerTask()));
                    row.add(s.memory() == null || s.memory().heapBytesPerTask() == null ? ""
                            : Units.bytes(s.memory().heapBytesPerTask()));
                }
                rows.add(row);
            }
        }
        h.raw("<section id=\"all-cells\"><h2>All cells</h2><p class=\"lead\">The summary table of summary.md: medians "
                + "over the ok trials. Latency is per task; probe p99 is the lateness of a tiny task spawned every 10 ms "
                + "(blank where every trial ended before the first); "
                + "mem/task is resident memory per task alive at the peak, from outside the process; heap/task is live "
                + "heap per task after a full GC.</p>\n");
        h.table("data", List.of("scheduler", "workload", "ok", "tasks/s", "p50", "p99", "max", "probe p99", "mem/task",
                "heap/task"), rows, 2);
        List<String> failedWhere = new ArrayList<>();
        for (CellGroup g : groups) {
            long n = g.cells().stream().flatMap(r -> r.trials().stream()).filter(t -> !t.ok()).count();
            if (n > 0) {
                failedWhere.add("<a href=\"#" + g.anchor() + "-failed\">" + Html.escape(g.title()) + "</a> (" + n + ")");
            }
        }
        if (!failedWhere.isEmpty()) {
            h.raw("<p class=\"note\">Failed trials, with their reasons: ").raw(String.join(", ", failedWhere)).raw(".</p>");
        }
        h.raw("</section>\n");
    }

    private static void group(Html h, CellGroup g, FigureWriter figures) {
        h.raw("<section class=\"group\" id=\"").raw(g.anchor()).raw("\"><h2>").text((g.index() + 1) + " · " + g.title())
                .raw("</h2>\n<p class=\"meta\">").text(describe(g)).raw("</p>\n");
        h.raw("<p class=\"finding\">").raw(finding(g, figures.palette())).raw("</p>\n");
        h.raw(new GroupFigures(g, figures).render());
        h.raw(new GroupTables(g, figures.palette()).render());
        h.raw("</section>\n");
    }

    private static String describe(CellGroup g) {
        String params = g.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        Set<Integer> okCounts = new LinkedHashSet<>();
        g.cells().forEach(r -> okCounts.add(r.summary() == null ? 0 : r.summary().okTrials()));
        int lo = okCounts.stream().min(Integer::compare).orElse(0);
        int hi = okCounts.stream().max(Integer::compare).orElse(0);
        return "workload " + g.workload() + (params.isEmpty() ? "" : " (" + params + ")") + " · "
                + g.tasks() + " tasks per trial · arrival " + g.arrival() + " · "
                + (lo == hi ? lo : lo + "–" + hi) + " ok trials per scheduler";
    }

    /** The key finding of a group in a sentence, from its key figures. */
    static String finding(CellGroup g, Palette palette) {
        List<RunResult> measured = g.measured().stream().filter(r -> g.keyFigure(r) != null).toList();
        String what = Html.escape(g.keyFigureName());
        if (measured.isEmpty()) {
            return "No scheduler produced a measurement here: every trial failed (reasons below).";
        }
        if (measured.size() == 1) {
            RunResult only = measured.getFirst();
            return "<strong>" + capitalise(what) + "</strong>: " + Html.escape(Units.nanos(g.keyFigure(only))) + " under "
                    + palette.of(only.scheduler()).swatch(only.scheduler()) + ".";
        }
        RunResult low = measured.stream().min((a, b) -> Long.compare(g.keyFigure(a), g.keyFigure(b))).orElseThrow();
        RunResult high = measured.stream().max((a, b) -> Long.compare(g.keyFigure(a), g.keyFigure(b))).orElseThrow();
        long lo = g.keyFigure(low);
        long hi = g.keyFigure(high);
        String ratio = lo > 0 ? ", " + AxisFormat.digits((double) hi / lo) + "× the lowest" : "";
        String failed = g.cells().size() > measured.size()
                ? " " + (g.cells().size() - measured.size()) + " scheduler(s) had no ok trial." : "";
        return "<strong>" + capitalise(what) + "</strong>: lowest under " + palette.of(low.scheduler()).swatch(low.scheduler())
                + " (" + Html.escape(Units.nanos(lo)) + "), highest under " + palette.of(high.scheduler()).swatch(high.scheduler())
                + " (" + Html.escape(Units.nanos(hi)) + ratio + ")." + failed;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The experiment's name when it has one, else its workloads (their number, when there are many). */
    private static String title(Results results) {
        Environment env = results.environment();
        Object experiment = env == null ? null : env.settings().get("experiment");
        if (experiment != null) {
            return experiment.toString();
        }
        List<String> workloads = results.runs().stream().map(RunResult::workload).distinct().toList();
        return workloads.size() > 4 ? workloads.size() + " workloads" : String.join(", ", workloads);
    }

    private static String stylesheet() {
        try (InputStream in = HtmlReportFormat.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the reports module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
