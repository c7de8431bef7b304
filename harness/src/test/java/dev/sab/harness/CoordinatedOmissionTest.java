package dev.sab.harness;

import dev.sab.reports.model.TrialResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduler that stops for 200 ms once ({@code stall}, a test scheduler found through
 * ServiceLoader) under 1000 trivial tasks. In an open loop at 1000 tasks/s, about 200 tasks should
 * have started during the stall, and each one's latency, counted from its intended start, holds
 * the part of the stall it sat through. In a closed loop with one task in flight, the driver waits
 * for the stalled task before sending the next: one task sees the stall and the rest see none —
 * coordinated omission, which the open loop corrects.
 */
class CoordinatedOmissionTest {
    private static final long STALL_NANOS = 200_000_000;
    private static final int TASKS = 1000;

    private static Histogram latencies(String arrival) {
        TrialSpec spec = new TrialSpec("stall:after=300,stall=200ms", "cpu", Map.of("units", "0"), TASKS, arrival, 0, 60_000, 7);
        TrialResult r = TrialRunner.run(spec);
        assertThat(r.ok()).as("trial: %s", r.error()).isTrue();
        assertThat(r.latencyNs().count()).isEqualTo(TASKS);
        return r.latencyNs().decode();
    }

    private static long atLeast(Histogram h, long nanos) {
        return h.getTotalCount() - h.getCountBetweenValues(0, nanos - 1);
    }

    @Test
    void openLoopLatencyIncludesTheStallForEveryTaskThatShouldHaveStartedDuringIt() {
        Histogram open = latencies("open:1000/s");
        assertThat(open.getMaxValue()).as("the stalled task waited the whole stall").isGreaterThanOrEqualTo(STALL_NANOS * 9 / 10);
        // tasks intended in the stall's first half waited at least half of it: about 100 of them
        assertThat(atLeast(open, STALL_NANOS / 2)).as("tasks that waited at least 100 ms").isGreaterThanOrEqualTo(80);
        assertThat(atLeast(open, STALL_NANOS / 10)).as("tasks that waited at least 20 ms").isGreaterThanOrEqualTo(150);
    }

    @Test
    void closedLoopLatencyShowsTheStallInOneTaskOnly() {
        Histogram closed = latencies("closed:1");
        assertThat(closed.getMaxValue()).as("the stalled task waited the whole stall").isGreaterThanOrEqualTo(STALL_NANOS * 9 / 10);
        // only the task in flight saw it (a few more may catch a hiccup of a busy machine)
        assertThat(atLeast(closed, STALL_NANOS / 2)).as("tasks that waited at least 100 ms").isLessThanOrEqualTo(3);
    }

    @Test
    void poissonArrivalsAreSeededAndAverageTheRate() {
        TrialSpec spec = new TrialSpec("virtual", "cpu", Map.of("units", "0"), 500, "open:5000/s,poisson", 0, 60_000, 11);
        TrialResult r = TrialRunner.run(spec);
        assertThat(r.ok()).as("trial: %s", r.error()).isTrue();
        assertThat(r.arrival().mode()).isEqualTo("open-poisson");
        assertThat(r.arrival().latencyFrom()).isEqualTo("intended start");
        // 499 exponential gaps of mean 200 µs: the mean rate lands within ±25% with overwhelming probability
        assertThat(r.arrival().achievedRatePerSec()).isBetween(3750.0, 6250.0);
    }
}
