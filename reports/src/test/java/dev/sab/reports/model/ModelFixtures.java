package dev.sab.reports.model;

/** Test fixtures shared with the format tests. */
public final class ModelFixtures {
    private ModelFixtures() {
    }

    public static TrialResult trial(long... latencies) {
        return ResultsMergeTest.trial(latencies);
    }

    public static Results results(String host, RunResult... runs) {
        return ResultsMergeTest.results(host, runs);
    }
}
