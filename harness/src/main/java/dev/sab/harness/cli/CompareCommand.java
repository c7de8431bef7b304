package dev.sab.harness.cli;

import dev.sab.reports.compare.Comparison;
import dev.sab.reports.compare.ComparisonText;
import dev.sab.reports.compare.Comparisons;
import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.model.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code sab compare A B}: two results, cell by cell, as ratios B/A, with the changes beyond the
 * noise marked (the judgement is {@link Comparisons}'s).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares two results (results.json files, or directories holding one) cell",
                "by cell: throughput, p50, p99, max and memory per task as ratios B/A of",
                "the medians. A change is marked better or worse when it is at least",
                "--threshold and every trial of B lies beyond every trial of A; with fewer",
                "than 3 trials on a side the noise is unknown and it says so. Cells measured",
                "on one side only are listed. Cells match by scheduler, workload,",
                "parameters, task count and arrival mode."},
        footer = {"", "Examples:", "  sab compare sab-results/before sab-results/after",
                "  sab compare main.json branch.json --threshold 10 --format md > compare.md",
                "", "Exit codes: 0 compared (whatever changed), 2 bad usage or an input that is not a sab results file."})
final class CompareCommand implements Callable<Integer> {

    enum Format { table, json, md }

    @Parameters(index = "0", paramLabel = "A", description = "The baseline: a results.json file or a directory holding one.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The one compared with it.")
    String b;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (ratios, for a terminal), md (both sides' values, Markdown) or json.")
    Format format;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
            description = "The smallest change reported, in percent of A (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        double pct = threshold(threshold);
        Results ra = read(a);
        Results rb = read(b);
        Comparison c = Comparisons.compare(ra, a, rb, b, pct);
        String text = switch (format) {
            case table -> ComparisonText.table(c);
            case md -> ComparisonText.markdown(c);
            case json -> ComparisonText.json(c);
        };
        PrintStream out = System.out;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code 5}, {@code 2.5} or {@code 10%}: a percentage greater than zero. */
    static double threshold(String value) {
        String v = value.strip();
        if (v.endsWith("%")) {
            v = v.substring(0, v.length() - 1).strip();
        }
        double pct;
        try {
            pct = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            pct = Double.NaN;
        }
        if (!(pct > 0) || Double.isInfinite(pct)) {
            throw new UsageError("--threshold must be a percentage greater than 0, such as 5 or 2.5%, got '" + value + "'");
        }
        return pct;
    }

    private static Results read(String input) {
        try {
            return JsonFormat.read(Path.of(input));
        } catch (IOException | RuntimeException e) {
            throw new UsageError("cannot compare '" + input + "': " + (e.getMessage() == null ? e.toString() : e.getMessage()),
                    e);
        }
    }
}
