package dev.sab.harness.internal;

/**
 * Drives the tasks of one iteration of a trial and times them. {@link ArrivalDriver} spawns the
 * workload's tasks on the scheduler as the arrival mode says; a workload whose load comes from
 * outside the process (a load generator sending requests to a server the workload runs on the
 * scheduler) brings a driver of its own. Everything around the iteration (warm-up, the memory
 * baseline, process counters, the responsiveness probe, verification) is the trial runner's and
 * the same for every driver.
 */
public interface IterationDriver {

    /**
     * Runs the iteration to its end or its deadline. Called on the trial's driving thread, after
     * the workload's setup. Must call {@link Iteration#atPeak()} once, when the most tasks are
     * alive (for a driver that spawns everything, right after the last spawn), and count tasks
     * through {@link Iteration#channel()}.
     */
    IterationOutcome run(Iteration iteration) throws InterruptedException;
}
