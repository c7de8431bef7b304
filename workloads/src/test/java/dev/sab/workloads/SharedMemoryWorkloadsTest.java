package dev.sab.workloads;

import dev.sab.core.Agent;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** counters and pingpong: the details the catalogue test does not look at. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedMemoryWorkloadsTest {

    @Test
    void contendedAtomicCasAndLockCountersLoseNothing() throws Exception {
        for (String mode : new String[]{"atomic", "cas", "lock"}) {
            try (Scheduler s = Schedulers.create("platform")) {
                WorkloadDriver.Outcome o = WorkloadDriver.run(
                        Workloads.create("counters", Map.of("mode", mode, "increments", "20000", "counters", "2")), s, 8);
                assertThat(o.verification().ok()).as(o.verification().message()).isTrue();
                assertThat(o.verification().metrics()).containsEntry("lostUpdates", 0L)
                        .containsEntry("actualTotal", 160_000L).containsEntry("expectedTotal", 160_000L);
            }
        }
    }

    @Test
    void lockedCountersAwaitTheLockWhereTheAgentMayNotBlock() throws Exception {
        try (DroppingScheduler s = new DroppingScheduler(Schedulers.create("virtual"))) {
            s.tellTasksTheirAgentIs(Agent.nonBlocking("test loop"));
            WorkloadDriver.Outcome o = WorkloadDriver.run(
                    Workloads.create("counters", Map.of("mode", "lock", "increments", "5000")), s, 8);
            assertThat(o.taskFailures()).isEmpty();
            assertThat(o.verification().ok()).as(o.verification().message()).isTrue();
            assertThat(o.verification().metrics()).containsEntry("lostUpdates", 0L);
        }
    }

    @Test
    void racyCountersReportTheirShortfallAndStillPass() throws Exception {
        try (Scheduler s = Schedulers.create("platform")) {
            WorkloadDriver.Outcome o = WorkloadDriver.run(
                    Workloads.create("counters", Map.of("mode", "racy", "increments", "100000")), s, 4);
            assertThat(o.verification().ok()).as(o.verification().message()).isTrue();
            Map<String, Number> m = o.verification().metrics();
            assertThat(m.get("lostUpdates").longValue()).isEqualTo(400_000L - m.get("actualTotal").longValue()).isNotNegative();
        }
    }

    @Test
    void pingpongWaitsAsynchronouslyWhereTheAgentMayNotBlock() throws Exception {
        try (DroppingScheduler s = new DroppingScheduler(Schedulers.create("virtual"))) {
            s.tellTasksTheirAgentIs(Agent.nonBlocking("test loop"));
            WorkloadDriver.Outcome o = WorkloadDriver.run(Workloads.create("pingpong", Map.of("rounds", "50")), s, 4);
            assertThat(o.verification().ok()).as(o.verification().message()).isTrue();
            assertThat(o.verification().metrics().get("asyncWaits").longValue()).isPositive();
            assertThat(o.verification().metrics()).containsEntry("roundTrips", 200L);
        }
        try (Scheduler s = Schedulers.create("virtual")) {
            WorkloadDriver.Outcome o = WorkloadDriver.run(Workloads.create("pingpong", Map.of("rounds", "50")), s, 4);
            assertThat(o.verification().ok()).as(o.verification().message()).isTrue();
            assertThat(o.verification().metrics()).containsEntry("asyncWaits", 0L);
        }
    }
}
