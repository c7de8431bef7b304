package dev.sab.reports.html;

import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summary;
import dev.sab.reports.model.TagResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cells that ran the same experiment on different schedulers: one workload with the same
 * parameters, task count and arrival mode. The report shows each group as one section, its
 * schedulers side by side, since within a group the scheduler is the only thing that changed.
 *
 * @param index    the group's place in the report, from 0
 * @param workload the workload
 * @param params   its parameters
 * @param tasks    tasks per trial
 * @param arrival  how tasks arrived
 * @param title    the workload, with the parameters, task count and arrival that tell this group
 *                 apart from the report's other groups of the same workload (all of them are in
 *                 the group's description)
 * @param cells    the cells, in the order the run measured them
 */
record CellGroup(int index, String workload, Map<String, String> params, Integer tasks, String arrival, String title,
                 List<RunResult> cells) {

    /** The groups of {@code results}, in order of their first cell. */
    static List<CellGroup> of(Results results) {
        Map<String, List<RunResult>> byKey = new LinkedHashMap<>();
        for (RunResult run : results.runs()) {
            String key = run.workload() + " | " + run.params() + " | " + run.tasks() + " | " + run.arrival();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
        }
        List<List<RunResult>> lists = new ArrayList<>(byKey.values());
        List<CellGroup> groups = new ArrayList<>();
        for (List<RunResult> cells : lists) {
            RunResult first = cells.getFirst();
            List<RunResult> sameWorkload = lists.stream().map(List::getFirst)
                    .filter(r -> r.workload().equals(first.workload())).toList();
            groups.add(new CellGroup(groups.size(), first.workload(), first.params(), first.tasks(), first.arrival(),
                    title(first, sameWorkload), List.copyOf(cells)));
        }
        return groups;
    }

    private static String title(RunResult first, List<RunResult> sameWorkload) {
        StringBuilder t = new StringBuilder(first.workload());
        String params = first.params().entrySet().stream()
                .filter(e -> sameWorkload.stream().anyMatch(r -> !Objects.equals(r.params().get(e.getKey()), e.getValue())))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        if (!params.isEmpty()) {
            t.append(' ').append(params);
        }
        boolean tasksVary = sameWorkload.stream().map(RunResult::tasks).distinct().count() > 1;
        boolean arrivalVaries = sameWorkload.stream().map(RunResult::arrival).distinct().count() > 1;
        if (tasksVary) {
            t.append(", ").append(first.tasks()).append(" tasks");
        }
        if (arrivalVaries) {
            t.append(", ").append(first.arrival());
        }
        return t.toString();
    }

    /** An HTML id for the group's section. */
    String anchor() {
        return "g" + index + "-" + workload.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The scheduler specs, in cell order. */
    List<String> schedulers() {
        return cells.stream().map(RunResult::scheduler).toList();
    }

    /** The cells with at least one ok trial. */
    List<RunResult> measured() {
        return cells.stream().filter(r -> r.summary() != null && r.summary().okTrials() > 0).toList();
    }

    /**
     * The tag whose tasks the group's key figure follows: the most numerous one (the light tasks
     * of {@code heavy-light} and {@code starve}, the {@code /light} route of {@code http}), since
     * the question such a workload asks is what the few heavy tasks do to the many light ones.
     * Empty when the tasks carry no tags.
     */
    Optional<String> keyTag() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RunResult run : measured()) {
            Map<String, TagResult> tags = run.summary().tags();
            if (tags != null) {
                tags.forEach((tag, t) -> {
                    if (t.latencyNs() != null) {
                        counts.merge(tag, t.latencyNs().count(), Math::max);
                    }
                });
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** Every tag of the group, the most numerous first. */
    List<String> tags() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RunResult run : measured()) {
            if (run.summary().tags() != null) {
                run.summary().tags().forEach((tag, t) -> counts.merge(tag, t.latencyNs() == null ? 0 : t.latencyNs().count(),
                        Math::max));
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The key figure of {@code run}: the p99 latency of the key tag's tasks when there is a key
     * tag, else the p99 of all tasks (medians over the ok trials, as in the tables); null when the
     * cell has no ok trial.
     */
    Long keyFigure(RunResult run) {
        Summary s = run.summary();
        if (s == null || s.okTrials() == 0) {
            return null;
        }
        Optional<String> tag = keyTag();
        LatencySummary l = tag.isPresent()
                ? (s.tags() == null || s.tags().get(tag.get()) == null ? null : s.tags().get(tag.get()).latencyNs())
                : s.latencyNs();
        return l == null ? null : l.p99();
    }

    /** What the key figure is, in words: "p99 of the light tasks" or "p99 of all tasks". */
    String keyFigureName() {
        return keyTag().map(t -> "p99 of the " + t + " tasks").orElse("p99 latency");
    }
}
