package dev.sab.harness;

import dev.sab.reports.model.TrialResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduler whose {@code close()} does not return (as one that lost a task would hang waiting
 * for it) fails its trial after the trial's time and a grace, keeping what the trial measured,
 * instead of holding the run (and, with {@code --no-fork}, every result it has finished) forever.
 */
class TrialCloseTest {

    @Test
    void aSchedulerThatDoesNotCloseFailsTheTrialAndKeepsItsMeasurements() {
        long t0 = System.nanoTime();
        TrialResult r = TrialRunner.run(new TrialSpec("stall:after=1000000,closeStall=120s", "cpu", Map.of("units", "0"), 20,
                "burst", 0, 1_000, 7));
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).startsWith("scheduler stall did not close within 1000 ms after the trial's time");
        assertThat(r.latencyNs()).as("the measured iteration's latencies are kept").isNotNull();
        assertThat(r.latencyNs().count()).isEqualTo(20);
        assertThat(tookMillis).as("the trial's 1 s and a 1 s grace, not the close's 120 s").isLessThan(30_000);
    }

    @Test
    void aSchedulerThatClosesLeavesTheTrialOk() {
        TrialResult r = TrialRunner.run(new TrialSpec("stall:after=1000000,closeStall=100ms", "cpu", Map.of("units", "0"), 20,
                "burst", 0, 10_000, 7));
        assertThat(r.ok()).as("trial: %s", r.error()).isTrue();
    }
}
