package dev.sab.reports.format;

import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.TrialResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * latency.hlog: every ok trial's latency histogram in HdrHistogram's interval-log format, readable
 * by {@code HistogramLogReader}, HdrHistogram's {@code HistogramLogProcessor} and the plotting tools
 * built for it (HdrHistogramVisualizer, hdrhistogram-py). Each histogram carries a tag naming its
 * cell and trial ({@code c3-t1}); a comment line before it says what the cell is. Values are
 * nanoseconds; the max column of each line is in milliseconds (max value unit ratio 10⁶). Interval
 * timestamps are the trials' positions, one second apart, since trials of a cell are not parts of
 * one timeline.
 */
public final class HdrHistogramLogFormat implements ReportFormat {
    public static final String FILE = "latency.hlog";
    private static final double NANOS_PER_MILLI = 1e6;

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(Results results, Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), render(results));
    }

    public static byte[] render(Results results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputComment("sab latency histograms, nanoseconds; tag c<cell>-t<trial>");
            log.outputLogFormatVersion();
            log.outputLegend();
            int position = 0;
            for (int c = 0; c < results.runs().size(); c++) {
                RunResult run = results.runs().get(c);
                int cell = run.cellIndex() == null ? c : run.cellIndex();
                log.outputComment("cell c" + cell + ": " + run.scheduler() + " / " + run.workload() + " "
                        + run.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))
                        + " / " + run.tasks() + " tasks / " + run.arrival());
                for (int t = 0; t < run.trials().size(); t++) {
                    TrialResult trial = run.trials().get(t);
                    if (!trial.ok() || trial.latencyNs() == null || trial.latencyNs().histogram() == null) {
                        continue;
                    }
                    Histogram h = trial.latencyNs().decode();
                    h.setTag("c" + cell + "-t" + (t + 1));
                    log.outputIntervalHistogram(position, position + 1, h, NANOS_PER_MILLI);
                    position++;
                }
            }
        }
        return bytes.toByteArray();
    }
}
