package dev.sab.reports.model;

import java.util.List;
import java.util.Map;

/**
 * One cell of a run: a scheduler, a workload, its parameters, and every measured trial.
 *
 * @param scheduler         the scheduler spec as given ("gmp:procs=2")
 * @param schedulerSettings every setting in force, defaults included
 * @param workload          the workload's name
 * @param params            every parameter in force, defaults included
 * @param trials            the measured trials, failed ones too
 * @param summary           medians over the ok trials
 */
public record RunResult(String scheduler, Map<String, String> schedulerSettings, String workload,
                        Map<String, String> params, List<TrialResult> trials, Summary summary) {
    public RunResult {
        trials = List.copyOf(trials);
    }

    /** A key that identifies the cell: scheduler, workload and parameters. */
    public String cellKey() {
        return scheduler + " | " + workload + " | " + params;
    }
}
