package dev.sab.workloads;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every workload runs briefly on every registered scheduler, and its own verification passes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CatalogueOnEverySchedulerTest {

    static Stream<Arguments> runs() {
        return Cases.schedulers().flatMap(s -> Cases.CASES.stream().map(c -> Arguments.of(s, c)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("runs")
    void runsAndVerifies(String spec, Cases.Case c) throws Exception {
        Workload workload = Workloads.create(c.workload(), c.params());
        try (Scheduler scheduler = Schedulers.create(spec)) {
            if (Cases.waitsHoldThreads(spec) && Cases.WAIT_FOR_EACH_OTHER.contains(c.workload())) {
                assertThatThrownBy(() -> WorkloadDriver.run(workload, scheduler, c.tasks()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("workload '" + c.workload() + "' does not run on scheduler '" + spec + "'")
                        .hasMessageContaining("starvation deadlock");
                return;
            }
            WorkloadDriver.Outcome outcome = WorkloadDriver.run(workload, scheduler, c.tasks());
            assertThat(outcome.taskFailures()).as("task failures").isEmpty();
            assertThat(outcome.verification().ok()).as(outcome.verification().message()).isTrue();
        }
    }

    @Test
    void everyWorkloadInTheCatalogueHasACase() {
        Set<String> covered = Cases.CASES.stream().map(Cases.Case::workload).collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalogue = Workloads.available().stream().map(WorkloadInfo::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).isEqualTo(catalogue);
    }
}
