package dev.sab.harness;

import dev.sab.reports.model.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A server workload is measured through sab load in a JVM of its own, latency per route as tags. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExternalLoadTrialTest {

    @Test
    void httpIsMeasuredByTheExternalGeneratorWithRoutesAsTags() {
        TrialSpec spec = new TrialSpec("virtual", "http",
                Map.of("rate", "1000", "heavyRatio", "0.1", "heavyUnits", "200", "connections", "4"), 400, "burst", 0, 60_000, 1);
        TrialResult result = TrialRunner.run(spec);
        assertThat(result.ok()).as("error: %s", result.error()).isTrue();
        assertThat(result.tasks()).isEqualTo(400);
        assertThat(result.latencyNs().count()).isEqualTo(400);
        assertThat(result.tags()).containsOnlyKeys("light", "heavy");
        long light = result.tags().get("light").latencyNs().count();
        long heavy = result.tags().get("heavy").latencyNs().count();
        assertThat(light + heavy).isEqualTo(400);
        assertThat(heavy).isBetween(15L, 70L);
        assertThat(result.workload()).containsEntry("requestsOk", 400L).containsEntry("heavyAnswered", heavy);
        // 400 requests at 1000/s are scheduled over 399 ms
        assertThat(result.wallNanos()).isGreaterThanOrEqualTo(399_000_000L);
        assertThat(result.memory().bytesPerTask()).isNull();
        assertThat(result.scheduler()).containsKey("tasksSpawned");
    }

    @Test
    void aSchedulerTheServerCannotRunOnFailsTheTrialWithTheReason() {
        TrialResult result = TrialRunner.run(new TrialSpec("platform-pool", "http", Map.of(), 10, "burst", 0, 60_000, 1));
        assertThat(result.ok()).isFalse();
        assertThat(result.error()).contains("does not run on scheduler 'platform-pool'");
    }
}
