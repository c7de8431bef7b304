package dev.sab.reports.format;

import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.TrialResult;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * trials.csv: one row per trial, failed ones too, with the cell's identity and the trial's main
 * figures; RFC 4180 (quoted where needed, CRLF line ends), for spreadsheets, pandas and R. Times
 * are nanoseconds, memory bytes; an empty field is a figure the trial did not produce.
 */
public final class CsvFormat implements ReportFormat {
    public static final String FILE = "trials.csv";
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private record Column(String name, Function<Row, Object> value) {
    }

    private record Row(int cell, RunResult run, int trial, TrialResult t) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("cell", r -> r.cell),
            new Column("scheduler", r -> r.run.scheduler()),
            new Column("workload", r -> r.run.workload()),
            new Column("params", r -> r.run.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "))),
            new Column("tasks", r -> r.run.tasks()),
            new Column("arrival", r -> r.run.arrival()),
            new Column("trial", r -> r.trial),
            new Column("ok", r -> r.t.ok()),
            new Column("error", r -> r.t.error()),
            new Column("wall_ns", r -> r.t.wallNanos()),
            new Column("throughput_per_s", r -> r.t.throughputPerSec()),
            new Column("latency_count", r -> r.t.latencyNs() == null ? null : r.t.latencyNs().count()),
            new Column("latency_mean_ns", r -> lat(r.t.latencyNs(), LatencySummary::mean)),
            new Column("latency_p50_ns", r -> lat(r.t.latencyNs(), LatencySummary::p50)),
            new Column("latency_p90_ns", r -> lat(r.t.latencyNs(), LatencySummary::p90)),
            new Column("latency_p99_ns", r -> lat(r.t.latencyNs(), LatencySummary::p99)),
            new Column("latency_p999_ns", r -> lat(r.t.latencyNs(), LatencySummary::p999)),
            new Column("latency_max_ns", r -> lat(r.t.latencyNs(), LatencySummary::max)),
            new Column("start_delay_p50_ns", r -> lat(r.t.startDelayNs(), LatencySummary::p50)),
            new Column("start_delay_p99_ns", r -> lat(r.t.startDelayNs(), LatencySummary::p99)),
            new Column("probe_p50_ns", r -> r.t.probe() == null ? null : lat(r.t.probe().latenessNs(), LatencySummary::p50)),
            new Column("probe_p99_ns", r -> r.t.probe() == null ? null : lat(r.t.probe().latenessNs(), LatencySummary::p99)),
            new Column("probe_max_ns", r -> r.t.probe() == null ? null : lat(r.t.probe().latenessNs(), LatencySummary::max)),
            new Column("bytes_per_task", r -> r.t.memory() == null ? null : r.t.memory().bytesPerTask()),
            new Column("heap_bytes_per_task", r -> r.t.memory() == null ? null : r.t.memory().heapBytesPerTask()),
            new Column("cpu_ns", r -> r.t.cpu() == null ? null : r.t.cpu().processCpuNanos()),
            new Column("cores_used", r -> r.t.cpu() == null ? null : r.t.cpu().coresUsed()),
            new Column("gc_count", r -> r.t.process() == null ? null : r.t.process().gcCount()),
            new Column("gc_time_ns", r -> r.t.process() == null ? null : r.t.process().gcTimeNanos()),
            new Column("peak_threads", r -> r.t.process() == null ? null : r.t.process().peakThreads()),
            new Column("voluntary_ctx_switches", r -> r.t.process() == null ? null : r.t.process().voluntaryContextSwitches()),
            new Column("involuntary_ctx_switches", r -> r.t.process() == null ? null : r.t.process().involuntaryContextSwitches()));

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(Results results, Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), render(results).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(Results results) {
        StringBuilder csv = new StringBuilder();
        csv.append(COLUMNS.stream().map(Column::name).collect(Collectors.joining(","))).append("\r\n");
        for (int c = 0; c < results.runs().size(); c++) {
            RunResult run = results.runs().get(c);
            int cell = run.cellIndex() == null ? c : run.cellIndex();
            for (int i = 0; i < run.trials().size(); i++) {
                Row row = new Row(cell, run, i + 1, run.trials().get(i));
                List<String> fields = new ArrayList<>();
                for (Column col : COLUMNS) {
                    fields.add(field(col.value.apply(row)));
                }
                csv.append(String.join(",", fields)).append("\r\n");
            }
        }
        return csv.toString();
    }

    /** A figure of {@code l}, empty when there is no distribution or it has no values (no percentiles). */
    private static Object lat(LatencySummary l, Function<LatencySummary, Object> f) {
        return LatencySummary.hasValues(l) ? f.apply(l) : null;
    }

    private static String field(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Double d ? (d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                : new BigDecimal(d).round(SIX_DIGITS).stripTrailingZeros().toPlainString()) : v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
