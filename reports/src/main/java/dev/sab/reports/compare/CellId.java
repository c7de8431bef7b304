package dev.sab.reports.compare;

import dev.sab.reports.model.RunResult;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What identifies a cell across two results: the scheduler spec as given, the workload, every
 * parameter in force, the task count and the arrival mode. Two cells that differ in any of them
 * ran different experiments, and comparing their numbers would compare the experiments, not the
 * runs.
 *
 * @param scheduler the scheduler spec
 * @param workload  the workload
 * @param params    its parameters (compared as a set of pairs, whatever their order)
 * @param tasks     tasks per trial
 * @param arrival   the arrival mode
 */
public record CellId(String scheduler, String workload, Map<String, String> params, Integer tasks, String arrival) {
    public CellId {
        params = params == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    static CellId of(RunResult run) {
        return new CellId(run.scheduler(), run.workload(), run.params(), run.tasks(), run.arrival());
    }
}
