package dev.sab.harness;

import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.Schedulers;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.Workloads;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Providers on the class path (here, this module's test fakes, listed in META-INF/services) join
 * the registries after the built-in ones, and can be built by name like them.
 */
class RegistryDiscoveryTest {

    @Test
    void discoveredSchedulersAndWorkloadsComeAfterTheBuiltInOnes() {
        assertThat(Schedulers.available()).extracting(SchedulerInfo::name).startsWith("platform").contains("stall");
        assertThat(Schedulers.available().getLast().name()).isEqualTo("stall");
        assertThat(Workloads.available()).extracting(WorkloadInfo::name).startsWith("sleep").endsWith("hold");
        try (var s = Schedulers.create("stall:after=0,stall=1ms")) {
            assertThat(s.name()).isEqualTo("stall");
        }
        assertThat(Workloads.create("hold", Map.of("size", "4KiB")).params().asWritten()).containsEntry("size", "4KiB");
    }
}
