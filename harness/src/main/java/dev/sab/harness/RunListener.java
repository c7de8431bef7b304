package dev.sab.harness;

import dev.sab.reports.model.TrialResult;

/** Hears a run's progress; called on the runner's thread. */
public interface RunListener {

    RunListener SILENT = new RunListener() {
    };

    /** Trial {@code trial} (1-based) of cell {@code cellIndex} (0-based) is about to start. */
    default void trialStarting(int cellIndex, int cells, Cell cell, int trial, int trials) {
    }

    /** Trial {@code trial} of {@code cell} finished with {@code result}. */
    default void trialFinished(int cellIndex, int cells, Cell cell, int trial, int trials, TrialResult result) {
    }

    /** The run is over, finished or stopped. */
    default void runFinished() {
    }
}
