package dev.sab.harness.internal;

import dev.sab.harness.TrialRunner;
import dev.sab.harness.TrialSpec;
import dev.sab.reports.model.TrialResult;

/**
 * Runs one trial in this JVM ({@code --no-fork}), with the memory watcher on a thread of its own
 * reading this process's {@code /proc/self}. Quick, and less clean than a fork: the JIT, the heap
 * and the class loading of earlier trials carry over, and the watcher shares the process it
 * measures.
 */
public final class InProcessTrial {
    private InProcessTrial() {
    }

    public static TrialResult run(TrialSpec spec) throws InterruptedException {
        TrialChannel channel = TrialChannel.inProcess();
        MemoryMonitor monitor = MemoryMonitor.start(ProcessHandle.current().pid(), channel);
        TrialResult result = TrialRunner.run(spec, channel); // never throws: failures are results
        return result.withMemory(monitor.finish(result.memory()));
    }
}
