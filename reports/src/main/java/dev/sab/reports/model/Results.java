package dev.sab.reports.model;

import java.util.List;

/**
 * A whole run: what ran where, and every trial of every cell. The root of results.json.
 *
 * @param schema      always {@value #SCHEMA}
 * @param environment the machine, JDK and command the run came from (for merged results, the first
 *                    input's; every input's is in {@code mergedFrom})
 * @param shard       {@code i/n} when this run measured one slice of a larger matrix
 * @param interrupted true when the run was stopped (Ctrl-C) before every cell finished
 * @param mergedFrom  for results made by {@code sab merge}: the environment of each input
 * @param runs        one per cell (scheduler, workload, parameters), in matrix order
 */
public record Results(String schema, Environment environment, String shard, Boolean interrupted,
                      List<Environment> mergedFrom, List<RunResult> runs) {
    public static final String SCHEMA = "sab.results/1";

    public Results {
        runs = List.copyOf(runs);
        mergedFrom = mergedFrom == null ? null : List.copyOf(mergedFrom);
    }

    /** A fresh run's results. */
    public static Results of(Environment environment, String shard, List<RunResult> runs) {
        return new Results(SCHEMA, environment, shard, null, null, runs);
    }

    public Results withRuns(List<RunResult> newRuns) {
        return new Results(schema, environment, shard, interrupted, mergedFrom, newRuns);
    }

    public Results markInterrupted() {
        return new Results(schema, environment, shard, true, mergedFrom, runs);
    }
}
