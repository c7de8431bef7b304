package dev.sab.reports.model;

import java.util.List;
import java.util.Map;

/**
 * One cell of a run: a scheduler, a workload, its parameters, the task count and arrival mode, and
 * every measured trial.
 *
 * @param scheduler         the scheduler spec as given ("gmp:procs=2")
 * @param schedulerSettings every setting in force, defaults included
 * @param workload          the workload's name
 * @param params            every parameter in force, defaults included
 * @param tasks             tasks per trial
 * @param arrival           how tasks arrive: {@code burst}, {@code closed:C} or {@code open:R/s[,poisson]}
 * @param cellIndex         the cell's place in the whole matrix (0-based), so that the shards of a
 *                          sweep merge back into the order a single run would have had
 * @param jvmArgs           the flags the trial JVMs were started with (empty when not forked)
 * @param trials            the measured trials, failed ones too
 * @param summary           medians over the ok trials
 */
public record RunResult(String scheduler, Map<String, String> schedulerSettings, String workload,
                        Map<String, String> params, Integer tasks, String arrival, Integer cellIndex,
                        List<String> jvmArgs, List<TrialResult> trials, Summary summary) {
    public RunResult {
        trials = List.copyOf(trials);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    /** A key that identifies the cell: scheduler, workload, parameters, tasks and arrival. */
    public String cellKey() {
        return scheduler + " | " + workload + " | " + params + " | " + tasks + " | " + arrival;
    }

    /** The same cell with other trials, and their summary. */
    public RunResult withTrials(List<TrialResult> newTrials) {
        return new RunResult(scheduler, schedulerSettings, workload, params, tasks, arrival, cellIndex, jvmArgs, newTrials,
                Summaries.of(newTrials));
    }
}
