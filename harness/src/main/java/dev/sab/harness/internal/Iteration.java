package dev.sab.harness.internal;

import dev.sab.harness.TrialSpec;
import dev.sab.schedulers.Scheduler;
import dev.sab.workloads.Workload;

/**
 * What an {@link IterationDriver} is given.
 *
 * @param spec          the trial
 * @param scheduler     the scheduler to run on
 * @param workload      the workload, set up
 * @param channel       where tasks alive are counted ({@link TrialChannel#taskSpawned()}, {@link TrialChannel#taskEnded()})
 * @param atPeak        to run once at the iteration's peak of tasks alive, on the driving thread (the
 *                      heap measurement, when this iteration takes it)
 * @param recorders     the iteration's latency histograms, made before the memory baselines
 * @param seed          this iteration's seed
 * @param deadlineNanos {@link System#nanoTime()} by which the iteration must be over
 */
public record Iteration(TrialSpec spec, Scheduler scheduler, Workload workload, TrialChannel channel, Runnable atPeak,
                        LatencyRecorders recorders, long seed, long deadlineNanos) {
}
