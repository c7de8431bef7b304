package dev.sab.reports.compare;

import java.util.List;
import java.util.Map;

/**
 * One cell measured in both results.
 *
 * @param scheduler the scheduler spec
 * @param workload  the workload
 * @param params    its parameters
 * @param tasks     tasks per trial
 * @param arrival   the arrival mode
 * @param okTrialsA ok trials in A
 * @param okTrialsB ok trials in B
 * @param changes   one per {@link Metric}, in its order
 * @param note      what limits the comparison (a side with one trial or none), or null
 */
public record CellComparison(String scheduler, String workload, Map<String, String> params, Integer tasks,
                             String arrival, int okTrialsA, int okTrialsB, List<Change> changes, String note) {
    public CellComparison {
        params = params == null ? Map.of() : Map.copyOf(params);
        changes = List.copyOf(changes);
    }

    /** The change of {@code metric}. */
    public Change change(Metric metric) {
        return changes.stream().filter(c -> c.metric() == metric).findFirst().orElseThrow();
    }
}
