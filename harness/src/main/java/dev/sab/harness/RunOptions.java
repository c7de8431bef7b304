package dev.sab.harness;

import java.util.List;

/**
 * How every cell of a run is measured.
 *
 * @param trials        measured trials per cell
 * @param warmup        unrecorded warm-up iterations before the measured one, in each trial's JVM
 * @param fork          whether each trial runs in a fresh JVM
 * @param timeoutMillis the longest one trial may take, JVM start-up and warm-up included
 * @param jvmArgs       extra flags for forked trial JVMs
 * @param heap          the trial JVMs' maximum heap ({@code -Xmx}), such as {@code 4g}; null for the JVM's default
 * @param seed          the base seed; trial {@code t} of a cell uses {@code seed + t}
 */
public record RunOptions(int trials, int warmup, boolean fork, long timeoutMillis, List<String> jvmArgs, String heap,
                         long seed) {
    public RunOptions {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The user's flags for trial JVMs: {@code --heap} as {@code -Xmx}, then the {@code --jvm-arg}s. */
    public List<String> trialJvmArgs() {
        if (heap == null) {
            return jvmArgs;
        }
        List<String> all = new java.util.ArrayList<>();
        all.add("-Xmx" + heap);
        all.addAll(jvmArgs);
        return List.copyOf(all);
    }
}
