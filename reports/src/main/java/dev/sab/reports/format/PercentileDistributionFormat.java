package dev.sab.reports.format;

import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * hgrm/: per cell, the percentile distribution of its pooled latency (every ok trial's values) in
 * HdrHistogram's {@code .hgrm} text format, in milliseconds, five percentile ticks per half
 * distance: what HdrHistogram's online plotter and most latency-plotting scripts read. One file per
 * cell, named {@code c<cell>-<scheduler>-<workload>.hgrm}.
 */
public final class PercentileDistributionFormat implements ReportFormat {
    public static final String DIR = "hgrm";
    private static final int TICKS_PER_HALF_DISTANCE = 5; // HdrHistogram's own default in its examples
    private static final double NANOS_PER_MILLI = 1e6;

    @Override
    public String fileName() {
        return DIR + "/";
    }

    @Override
    public void write(Results results, Path dir) throws IOException {
        for (int c = 0; c < results.runs().size(); c++) {
            RunResult run = results.runs().get(c);
            if (run.summary() == null || run.summary().pooledLatencyNs() == null) {
                continue;
            }
            int cell = run.cellIndex() == null ? c : run.cellIndex();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
                run.summary().pooledLatencyNs().decode().outputPercentileDistribution(out, TICKS_PER_HALF_DISTANCE, NANOS_PER_MILLI);
            }
            AtomicFiles.write(dir.resolve(DIR).resolve(fileName(cell, run)), bytes.toByteArray());
        }
    }

    /** {@code c3-platform-pool_threads_2-sleep.hgrm}: the cell's index, scheduler spec and workload, safe in any file system. */
    public static String fileName(int cell, RunResult run) {
        return ("c" + cell + "-" + run.scheduler() + "-" + run.workload()).replaceAll("[^A-Za-z0-9._-]", "_")
                .toLowerCase(Locale.ROOT) + ".hgrm";
    }
}
