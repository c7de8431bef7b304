package dev.sab.workloads;

import dev.sab.schedulers.Scheduler;

import java.nio.file.Path;

/**
 * What the harness gives a workload at setup.
 *
 * @param scheduler the scheduler the tasks will run on (a workload may start its own server task on it)
 * @param tasks     how many task indexes the trial will ask for
 * @param tempDir   a private directory, deleted after the trial
 * @param seed      the seed for any randomness, so a trial can be repeated
 */
public record WorkloadEnv(Scheduler scheduler, int tasks, Path tempDir, long seed) {
}
