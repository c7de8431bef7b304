package dev.sab.reports.html;

import dev.sab.reports.format.Units;
import dev.sab.reports.model.Environment;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where and how the run happened: the machine, the JDK and its flags, the command, the commit and
 * the run-wide settings, so that a reader can judge (or repeat) the measurement; for merged
 * results, every input's machine and command.
 */
final class EnvironmentSection {
    private EnvironmentSection() {
    }

    static void render(Html h, Results results) {
        h.raw("<section id=\"environment\"><h2>Environment</h2>\n");
        Environment env = results.environment();
        if (env == null) {
            h.raw("<p class=\"note\">This results file records no environment.</p></section>\n");
            return;
        }
        h.raw("<dl class=\"env\">");
        entry(h, "command", "<code>" + Html.escape(env.commandLine()) + "</code>");
        text(h, "started", env.startTime());
        text(h, "host", env.hostname());
        text(h, "sab", env.sabVersion() + (env.gitCommit() == null ? " (commit unknown)" : " at commit " + env.gitCommit()));
        text(h, "JDK", env.jdkVersion() + " (" + env.jdkVendor() + ")");
        text(h, "CPU", env.cpuModel() + ", " + env.cores() + " cores available");
        text(h, "memory", env.memoryBytes() > 0 ? Units.bytes(env.memoryBytes()) : "unknown");
        text(h, "OS", env.os() + ", kernel " + env.kernel());
        entry(h, "harness JVM flags", code(env.jvmFlags()));
        List<String> trialFlags = results.runs().stream().map(RunResult::jvmArgs).filter(a -> !a.isEmpty())
                .map(a -> String.join(" ", a)).distinct().toList();
        if (!trialFlags.isEmpty()) {
            entry(h, "trial JVM flags", trialFlags.stream().map(f -> "<code>" + Html.escape(f) + "</code>")
                    .collect(Collectors.joining("<br>")));
        } else {
            text(h, "trial JVMs", "none: the trials ran in the harness's JVM (--no-fork)");
        }
        for (Map.Entry<String, Object> e : new TreeMap<>(env.settings()).entrySet()) {
            text(h, e.getKey(), show(e.getValue()));
        }
        if (results.shard() != null) {
            text(h, "shard", results.shard());
        }
        if (Boolean.TRUE.equals(results.interrupted())) {
            text(h, "interrupted", "yes: stopped before every cell finished");
        }
        h.raw("</dl>\n");
        schedulerSettings(h, results);
        if (results.mergedFrom() != null && !results.mergedFrom().isEmpty()) {
            List<List<?>> rows = new ArrayList<>();
            for (Environment in : results.mergedFrom()) {
                rows.add(List.of(String.valueOf(in.hostname()), String.valueOf(in.startTime()),
                        in.cpuModel() + ", " + in.cores() + " cores", String.valueOf(in.jdkVersion()),
                        in.gitCommit() == null ? "" : in.gitCommit(), Html.Cell.markup("<code>" + Html.escape(in.commandLine())
                                + "</code>")));
            }
            h.raw("<h3>Merged from</h3>");
            h.table("data", List.of("host", "started", "CPU", "JDK", "commit", "command"), rows, Html.NO_NUMBERS);
        }
        h.raw("</section>\n");
    }

    /** Every scheduler's settings in force, defaults included, as results.json records them. */
    private static void schedulerSettings(Html h, Results results) {
        Map<String, Map<String, String>> settings = new java.util.LinkedHashMap<>();
        for (RunResult run : results.runs()) {
            if (run.schedulerSettings() != null) {
                settings.putIfAbsent(run.scheduler(), run.schedulerSettings());
            }
        }
        if (settings.isEmpty()) {
            return;
        }
        List<List<?>> rows = new ArrayList<>();
        settings.forEach((spec, s) -> rows.add(List.of(spec, s.isEmpty() ? "(none)" : s.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))));
        h.raw("<h3>Scheduler settings in force</h3>");
        h.table("data", List.of("scheduler", "settings"), rows, Html.NO_NUMBERS);
    }

    private static String code(List<String> flags) {
        return flags.isEmpty() ? "(none)" : "<code>" + Html.escape(String.join(" ", flags)) + "</code>";
    }

    private static String show(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + "=" + show(e.getValue())).collect(Collectors.joining(", "));
        }
        return String.valueOf(v);
    }

    private static void text(Html h, String term, Object value) {
        entry(h, term, Html.escape(value));
    }

    private static void entry(Html h, String term, String markup) {
        h.raw("<dt>").text(term).raw("</dt><dd>").raw(markup).raw("</dd>");
    }
}
