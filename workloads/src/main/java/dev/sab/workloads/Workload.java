package dev.sab.workloads;

import dev.sab.schedulers.Task;

import java.util.Optional;

/**
 * One trial's worth of a workload, with its parameters bound. The harness calls, in order:
 * {@link #setup}, {@link #task} once per task index (each task may then run on any thread of any
 * scheduler), {@link #verify} after every task has finished, and {@link #teardown}. A workload
 * object serves one trial; {@link Workloads#create} makes a fresh one.
 */
public interface Workload {

    /** What this workload is, with its parameters. */
    WorkloadInfo info();

    /** The parameters in force (defaults filled in). */
    Params params();

    /** Prepares shared state (files, counters, a server task on {@code env.scheduler()}) before any task runs. */
    void setup(WorkloadEnv env) throws Exception;

    /**
     * The body of task {@code index}, in {@code [0, env.tasks())}. Called once per index, from the
     * harness thread. Tasks are independent of one another: the harness may start task {@code i} at
     * any time (all at once, a few in flight, or at a rate), so no task waits for another index.
     * Not called for a workload driven from outside ({@link #externalLoad()}).
     */
    Task task(int index);

    /**
     * The tag task {@code index} reports its latency under ({@code light}, {@code heavy}, a route),
     * or null for none. Every task also counts in the trial's overall latency.
     */
    default String tag(int index) {
        return null;
    }

    /**
     * Checks the trial's result from the workload's own records: every task ran, counters are exact,
     * checksums match. Called once, after every task has finished, on the harness thread.
     */
    Verification verify();

    /**
     * Present when this workload is a server measured from outside: after {@link #setup} the harness
     * runs the load generator ({@code sab load}) in a separate process against it, instead of
     * spawning {@link #task}s, so the server does not share its scheduler with its clients. The
     * trial's latency then comes from the generator's histograms, per route as tags.
     */
    default Optional<ExternalLoad> externalLoad() {
        return Optional.empty();
    }

    /** Releases what {@link #setup} made. Called once, also after a failed trial. */
    default void teardown() throws Exception {
    }
}
