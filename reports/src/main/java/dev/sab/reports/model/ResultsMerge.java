package dev.sab.reports.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins results of the same experiment run in pieces (the shards of a sweep spread over machines,
 * or the same cells run again later) into one, as if one run had measured everything.
 *
 * <p>Cells are matched by {@link RunResult#cellKey()}. A cell that appears in several inputs keeps
 * every trial, in input order, and its summary is computed again from all of them; its pooled
 * latency is an exact merge of the trials' HdrHistograms. Cells come out in matrix order
 * ({@link RunResult#cellIndex()}) when every cell knows its index, otherwise in order of first
 * appearance. Nothing is averaged away: the merged file holds every input trial unchanged.
 */
public final class ResultsMerge {
    private ResultsMerge() {
    }

    /**
     * Merges {@code inputs}, in order.
     *
     * @throws IllegalArgumentException when there is no input
     */
    public static Results merge(List<Results> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Map<String, RunResult> cells = new LinkedHashMap<>();
        List<Environment> environments = new ArrayList<>();
        boolean interrupted = false;
        for (Results in : inputs) {
            if (in.mergedFrom() != null) {
                environments.addAll(in.mergedFrom());
            } else if (in.environment() != null) {
                environments.add(in.environment());
            }
            interrupted |= Boolean.TRUE.equals(in.interrupted());
            for (RunResult run : in.runs()) {
                cells.merge(run.cellKey(), run, (was, more) -> {
                    List<TrialResult> trials = new ArrayList<>(was.trials());
                    trials.addAll(more.trials());
                    return was.withTrials(trials);
                });
            }
        }
        List<RunResult> runs = new ArrayList<>(cells.values());
        if (runs.stream().allMatch(r -> r.cellIndex() != null)) {
            runs.sort(Comparator.comparing(RunResult::cellIndex)); // stable: equal indexes keep their order
        }
        return new Results(Results.SCHEMA, inputs.getFirst().environment(), null, interrupted ? true : null,
                environments, runs);
    }
}
