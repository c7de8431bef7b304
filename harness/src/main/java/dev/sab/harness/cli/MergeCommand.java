package dev.sab.harness.cli;

import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.format.ReportFormat;
import dev.sab.reports.format.ReportFormats;
import dev.sab.reports.format.SummaryTable;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.ResultsMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sab merge A B ... -o OUT}: joins results (the shards of a sweep, or runs of the same
 * experiment on several machines) into one results directory, as if one run had measured
 * everything; histograms are merged exactly.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merges results (results.json files, or directories holding one) into",
                "--out: every trial is kept, cells are put back in matrix order, and each",
                "cell's summary and pooled histogram are computed again from all its trials."},
        footer = {"", "Example:", "  sab merge sab-results/sweep-*-shard-* -o sab-results/sweep",
                "", "Exit codes: 0 ok, 2 bad usage or an input that is not a sab results file."})
final class MergeCommand implements Callable<Integer> {

    enum Format { table, json }

    @Parameters(paramLabel = "RESULTS", arity = "1..*", description = "results.json files or directories holding one.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Where the merged results go.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "What to print: table (the summary and file paths) or json (the merged results.json).")
    Format format;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        List<Results> all = new ArrayList<>();
        for (String input : inputs) {
            try {
                all.add(JsonFormat.read(Path.of(input)));
            } catch (IOException e) {
                throw new UsageError("cannot merge '" + input + "': " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
        }
        Path dir = OutputDirectory.writable(out, "--out");
        Results merged = ResultsMerge.merge(all);
        List<ReportFormat> formats = ReportFormats.all();
        for (ReportFormat f : formats) {
            f.write(merged, dir);
        }
        PrintStream stdout = System.out;
        if (format == Format.json) {
            stdout.write(JsonFormat.toBytes(merged));
            stdout.println();
        } else {
            long trials = merged.runs().stream().mapToLong(r -> r.trials().size()).sum();
            stdout.printf("merged %d result files: %d cells, %d trials%n%n", all.size(), merged.runs().size(), trials);
            stdout.print(SummaryTable.render(merged));
            stdout.println();
            for (ReportFormat f : formats) {
                stdout.println(f.fileName() + ": " + dir.resolve(f.fileName()));
            }
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
