package dev.sab.harness;

import java.util.List;

/**
 * How each cell is measured.
 *
 * @param tasks         tasks per trial
 * @param trials        measured trials per cell
 * @param warmup        unrecorded warm-up iterations before each measured one, in the same JVM
 * @param fork          whether each trial runs in a fresh JVM
 * @param timeoutMillis the longest a trial's measured iteration may take
 * @param jvmArgs       extra flags for forked trial JVMs
 * @param seed          the base seed; trial {@code t} of a cell uses {@code seed + t}
 */
public record RunOptions(int tasks, int trials, int warmup, boolean fork, long timeoutMillis, List<String> jvmArgs,
                         long seed) {
    public RunOptions {
        jvmArgs = List.copyOf(jvmArgs);
    }
}
