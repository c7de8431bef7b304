package dev.sab.harness;

import dev.sab.harness.internal.ProcessCpuClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The process CPU clock is fine-grained: the JDK's own counts in 10 ms ticks on Linux. */
class ProcessCpuClockTest {
    @Test
    void advancesInStepsFarBelowTheKernelsTick() {
        assumeThat(System.getProperty("os.name")).as("the precise clock is Linux's").startsWith("Linux");
        long smallestStep = Long.MAX_VALUE;
        long first = ProcessCpuClock.nanos();
        long last = first;
        long until = System.nanoTime() + 20_000_000; // spin 20 ms of wall time
        while (System.nanoTime() < until) {
            long now = ProcessCpuClock.nanos();
            if (now != last) {
                smallestStep = Math.min(smallestStep, now - last);
                last = now;
            }
        }
        assertThat(last - first).as("CPU time while spinning").isPositive();
        assertThat(smallestStep).as("the smallest step of the clock, ns").isLessThan(1_000_000);
    }
}
