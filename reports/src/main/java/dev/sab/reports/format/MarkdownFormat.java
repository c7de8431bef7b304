package dev.sab.reports.format;

import dev.sab.reports.model.Environment;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.TrialResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** summary.md: the summary table, the environment, and every failed trial's reason. */
public final class MarkdownFormat implements ReportFormat {
    public static final String FILE = "summary.md";

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(Results results, Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), render(results).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(Results results) {
        StringBuilder md = new StringBuilder("# sab results\n\n");
        Environment env = results.environment();
        if (env != null) {
            md.append("`").append(env.commandLine()).append("`\n\n");
            md.append("- started ").append(env.startTime()).append('\n');
            md.append("- ").append(env.cpuModel()).append(", ").append(env.cores()).append(" cores, ")
                    .append(Units.bytes(env.memoryBytes())).append(" memory; ").append(env.os()).append(' ')
                    .append(env.kernel()).append('\n');
            md.append("- JDK ").append(env.jdkVersion()).append(" (").append(env.jdkVendor()).append("); sab ")
                    .append(env.sabVersion()).append(env.gitCommit() == null ? "" : " at " + env.gitCommit()).append('\n');
            env.settings().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
            md.append('\n');
        }
        md.append("Medians over the ok trials. Latency is per task: from the spawn, or in open-loop runs from the task's "
                + "intended start. probe p99: lateness of a tiny task spawned every 10 ms (blank where every "
                + "trial ended before the first). mem/task: resident memory per "
                + "task alive at the peak, from outside; heap/task: live heap per task after a full GC.\n\n");
        md.append(SummaryTable.render(results));
        String tags = SummaryTable.renderTags(results);
        if (!tags.isEmpty()) {
            md.append("\n## Latency by tag\n\n").append(tags);
        }
        StringBuilder failures = new StringBuilder();
        for (RunResult run : results.runs()) {
            for (int i = 0; i < run.trials().size(); i++) {
                TrialResult t = run.trials().get(i);
                if (!t.ok()) {
                    failures.append("- ").append(run.scheduler()).append(" / ").append(run.workload()).append(" trial ")
                            .append(i + 1).append(": ").append(t.error()).append('\n');
                }
            }
        }
        if (!failures.isEmpty()) {
            md.append("\n## Failed trials\n\n").append(failures);
        }
        return md.toString();
    }
}
