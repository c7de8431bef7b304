package dev.sab.reports.model;

import java.util.List;

/**
 * A whole run: what ran where, and every trial of every cell. The root of results.json.
 *
 * @param schema      always {@value #SCHEMA}
 * @param environment the machine, JDK and command the run came from
 * @param runs        one per cell (scheduler, workload, parameters), in the order run
 */
public record Results(String schema, Environment environment, List<RunResult> runs) {
    public static final String SCHEMA = "sab.results/1";

    public Results {
        runs = List.copyOf(runs);
    }

    public Results withRuns(List<RunResult> newRuns) {
        return new Results(schema, environment, newRuns);
    }
}
