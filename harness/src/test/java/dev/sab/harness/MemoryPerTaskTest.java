package dev.sab.harness;

import dev.sab.harness.internal.ForkedTrial;
import dev.sab.reports.model.MemoryResult;
import dev.sab.reports.model.TrialResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Memory per task, measured from outside a forked trial: a workload whose tasks each hold 1 MiB
 * reports about 1 MiB per task. Resident memory counts everything the process needs for its tasks,
 * so it is tested on native memory, which no garbage collector's head-room inflates; heap after a
 * full GC is live data only, and is tested on heap memory.
 */
class MemoryPerTaskTest {
    private static final double MIB = 1024 * 1024;
    private static final int TASKS = 256;

    private static TrialResult trial(String scheduler, String where, int warmup) throws InterruptedException {
        TrialSpec spec = new TrialSpec(scheduler, "hold", Map.of("size", "1MiB", "hold", "1s", "where", where, "stagger", "1ms"), TASKS,
                "burst", warmup, 60_000, 1);
        TrialResult r = new ForkedTrial(spec, List.of()).run();
        assertThat(r.ok()).as("trial: %s / %s", r.error(), r.stderrTail()).isTrue();
        return r;
    }

    @Test
    void tasksHoldingOneMebibyteOfNativeMemoryMeasureOneMebibyteEachFromOutside() throws Exception {
        MemoryResult m = trial("virtual", "direct", 1).memory();
        assertThat(m.tasksAtPeak()).as("the watcher saw every task alive at once: %s", m).isEqualTo(TASKS);
        assertThat(m.bytesPerTask()).as("memory: %s", m).isCloseTo(MIB, within(0.1 * MIB));
        assertThat(m.baselineRssBytes()).isPositive();
        assertThat(m.samples()).isPositive();
    }

    @Test
    void tasksHoldingOneMebibyteOfHeapMeasureOneMebibyteEachInTheHeap() throws Exception {
        MemoryResult m = trial("virtual", "heap", 2).memory();
        assertThat(m.heapMeasuredIn()).isEqualTo("warm-up");
        // the peak is the later of the last spawn and the first end; on a busy machine a few tasks may have ended by then
        assertThat(m.heapTasksAtPeak()).as("memory: %s", m).isGreaterThan(TASKS * 3 / 4);
        assertThat(m.heapBytesPerTask()).as("memory: %s", m).isCloseTo(MIB, within(0.1 * MIB));
        assertThat(m.bytesPerTask()).as("resident memory holds at least the live data: %s", m).isGreaterThan(0.9 * MIB);
    }

    @Test
    void withoutWarmUpEverythingIsMeasuredInTheMeasuredIterationAndSaysSo() throws Exception {
        MemoryResult m = trial("virtual", "direct", 0).memory();
        assertThat(m.heapMeasuredIn()).isEqualTo("measured");
        assertThat(m.tasksAtPeak()).as("the watcher saw every task alive at once: %s", m).isEqualTo(TASKS);
        assertThat(m.bytesPerTask()).as("memory: %s", m).isCloseTo(MIB, within(0.1 * MIB));
    }
}
