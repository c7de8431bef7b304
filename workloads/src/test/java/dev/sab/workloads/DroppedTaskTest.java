package dev.sab.workloads;

import dev.sab.schedulers.Schedulers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduler that silently drops one task, while its handle claims success, makes every
 * workload's verification fail with a message that says what went missing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DroppedTaskTest {

    static Stream<Cases.Case> taskDriven() {
        return Cases.CASES.stream().filter(c -> !c.workload().equals("http"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskDriven")
    void aDroppedTaskFailsVerification(Cases.Case c) throws Exception {
        int dropped = c.tasks() / 2;
        try (DroppingScheduler scheduler = new DroppingScheduler(Schedulers.create("virtual"))) {
            WorkloadDriver.Outcome outcome = WorkloadDriver.run(Workloads.create(c.workload(), c.params()), scheduler, c.tasks(),
                    spec -> spec, () -> scheduler.dropOutsideSpawn(dropped + 1));
            assertThat(outcome.verification().ok()).isFalse();
            assertThat(outcome.verification().message())
                    .contains("1 of " + c.tasks() + " tasks never finished their work (first: task " + dropped + ")");
        }
    }

    @Test
    void aDroppedChildInAFanoutTreeFailsItsRoot() throws Exception {
        try (DroppingScheduler scheduler = new DroppingScheduler(Schedulers.create("virtual"))) {
            WorkloadDriver.Outcome outcome = WorkloadDriver.run(Workloads.create("fanout", Map.of("width", "3", "depth", "3")),
                    scheduler, 5, spec -> spec, () -> scheduler.dropChildSpawn(7));
            assertThat(outcome.verification().ok()).isFalse();
            assertThat(outcome.verification().message()).contains("1 of 5 tasks never finished their work");
        }
    }

    @Test
    void aDroppedConnectionTaskOfTheHttpServerFailsVerification() throws Exception {
        try (DroppingScheduler scheduler = new DroppingScheduler(Schedulers.create("virtual"))) {
            WorkloadDriver.Outcome outcome = WorkloadDriver.run(
                    Workloads.create("http", Map.of("rate", "1000", "connections", "2")), scheduler, 100,
                    spec -> spec.withTimeout(Duration.ofMillis(500)), () -> scheduler.dropChildSpawn(1));
            assertThat(outcome.verification().ok()).isFalse();
            assertThat(outcome.verification().message()).startsWith("load generator: ").contains("requests timed out");
        }
    }
}
