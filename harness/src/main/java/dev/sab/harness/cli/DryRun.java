package dev.sab.harness.cli;

import dev.sab.harness.Cell;
import dev.sab.harness.Estimate;
import dev.sab.harness.Experiment;
import dev.sab.harness.RunOptions;
import dev.sab.harness.Shard;
import dev.sab.reports.format.Units;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code sab run --dry-run}: the expanded matrix and an estimate of its time; nothing runs. */
final class DryRun {
    private DryRun() {
    }

    static void print(PrintStream out, Experiment e, List<Cell> all, List<Cell> cells, Shard shard, RunOptions options) {
        out.printf("%s: %d cell%s%s × %d trial%s = %d trials (%s, %d warm-up iteration%s per trial)%n",
                e.name() == null ? "experiment" : "experiment " + e.name(), cells.size(), cells.size() == 1 ? "" : "s",
                shard == null ? "" : " (shard " + shard + " of a " + all.size() + "-cell matrix)",
                options.trials(), options.trials() == 1 ? "" : "s", cells.size() * options.trials(),
                options.fork() ? "each in a fresh JVM" : "in this JVM", options.warmup(), options.warmup() == 1 ? "" : "s");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("#", "scheduler", "workload", "params", "tasks", "arrival", "~per trial"));
        for (Cell c : cells) {
            rows.add(List.of(Integer.toString(c.index() + 1), c.scheduler(), c.workload(),
                    c.params().entrySet().stream().map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(" ")),
                    Integer.toString(c.tasks()), c.arrival().spec(), Units.nanos(Estimate.trial(c, options).toNanos())));
        }
        int[] widths = new int[rows.getFirst().size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < r.size(); i++) {
                line.append(' ').append(String.format("%-" + widths[i] + "s", r.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        Duration total = Estimate.total(cells, options);
        out.printf("estimated time: about %s (rough: JVM start-up, the memory baseline and each iteration estimated "
                + "from the parameters)%n", Units.nanos(total.toNanos()));
    }
}
