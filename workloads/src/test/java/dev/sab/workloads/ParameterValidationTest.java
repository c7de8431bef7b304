package dev.sab.workloads;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad parameters are refused with a message naming the parameter, the value and what is valid. */
class ParameterValidationTest {

    private static String refusal(String workload, Map<String, String> params) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Workloads.create(workload, params));
        assertThat(t).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    @Test
    void aKernelNotInTheListIsRefused() {
        assertThat(refusal("cpu", Map.of("kernel", "quicksort")))
                .isEqualTo("bad value 'quicksort' for parameter 'kernel' of workload 'cpu': expected one of spin, hash, mandelbrot, sort, fib");
    }

    @Test
    void cpuKeepsItsUnitsParameter() {
        Workload w = Workloads.create("cpu", Map.of("units", "200"));
        assertThat(w.params().asWritten()).containsEntry("units", "200").containsEntry("kernel", "spin");
    }

    @Test
    void anEchoMessageLargerThanTheSocketBuffersIsRefused() {
        assertThat(refusal("echo", Map.of("size", "1MiB")))
                .isEqualTo("bad value '1MiB' for parameter 'size' of workload 'echo': expected a size from 1 to 64KiB such as 512, 4KiB or 1MiB");
    }

    @Test
    void aRatioAboveOneIsRefused() {
        assertThat(refusal("heavy-light", Map.of("heavyRatio", "1.5")))
                .isEqualTo("bad value '1.5' for parameter 'heavyRatio' of workload 'heavy-light': expected a number from 0 to 1");
    }

    @Test
    void aNegativeRateIsRefused() {
        assertThat(refusal("http", Map.of("rate", "-5")))
                .isEqualTo("bad value '-5' for parameter 'rate' of workload 'http': expected a whole number from 0 to 10000000");
    }

    @Test
    void aDurationWithoutUnitIsRefused() {
        assertThat(refusal("starve", Map.of("period", "5")))
                .isEqualTo("bad value '5' for parameter 'period' of workload 'starve': expected a duration from 1ns to 60s such as 10ms or 2s");
    }

    @Test
    void aTreeTooLargeIsRefusedNamingBothParameters() {
        assertThat(refusal("fanout", Map.of("width", "1000", "depth", "10")))
                .contains("width=1000").contains("depth=10").contains("workload 'fanout'").contains("expected a smaller tree");
    }

    @Test
    void crossChecksRunWhenParametersAreValidatedAlone() {
        assertThatThrownBy(() -> Workloads.params(Workloads.info("fanout"), Map.of("width", "1000", "depth", "10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a smaller tree");
    }

    @Test
    void anUnknownParameterIsRefusedListingTheValidOnes() {
        assertThat(refusal("file", Map.of("sise", "4KiB")))
                .isEqualTo("unknown parameter 'sise' for workload 'file'; valid: size, files, chunk");
    }

    @Test
    void anUnknownWorkloadIsRefusedListingTheCatalogue() {
        assertThat(refusal("sleeep", Map.of())).startsWith("unknown workload 'sleeep'; valid: sleep, echo, http");
    }
}
