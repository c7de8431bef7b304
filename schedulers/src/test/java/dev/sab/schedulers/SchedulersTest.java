package dev.sab.schedulers;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulersTest {

    @Test
    void specStringsParseNameAndSettingsInOrder() {
        SchedulerSpec spec = SchedulerSpec.parse("gmp:procs=2,preempt=off");
        assertThat(spec.name()).isEqualTo("gmp");
        assertThat(spec.settings()).containsExactly(Map.entry("procs", "2"), Map.entry("preempt", "off"));
        assertThat(spec).hasToString("gmp:procs=2,preempt=off");
        assertThat(SchedulerSpec.parse(" virtual ").settings()).isEmpty();
    }

    @Test
    void aTokenWithoutEqualsStartsTheNextScheduler() {
        assertThat(SchedulerSpec.parseList("gmp:procs=1,preempt=off,virtual"))
                .extracting(Object::toString).containsExactly("gmp:procs=1,preempt=off", "virtual");
        assertThat(SchedulerSpec.parseList("platform,virtual:parallelism=1,platform-pool:threads=3"))
                .extracting(Object::toString).containsExactly("platform", "virtual:parallelism=1", "platform-pool:threads=3");
    }

    @Test
    void unknownNamesAndKeysListWhatIsValid() {
        assertThatThrownBy(() -> Schedulers.create("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown scheduler 'nope'")
                .hasMessageContaining("platform, platform-pool, virtual");
        assertThatThrownBy(() -> Schedulers.create("platform-pool:thread=3"))
                .hasMessageContaining("unknown setting 'thread'").hasMessageContaining("valid: threads");
        assertThatThrownBy(() -> Schedulers.create("platform:x=1")).hasMessageContaining("takes no settings");
    }

    @Test
    void badValuesNameTheSettingAndWhatIsValid() {
        assertThatThrownBy(() -> Schedulers.create("platform-pool:threads=0"))
                .hasMessage("bad value '0' for setting 'threads' of scheduler 'platform-pool': expected a whole number ≥ 1");
        assertThatThrownBy(() -> Schedulers.create("platform-pool:threads=many")).hasMessageContaining("'many'");
        assertThatThrownBy(() -> SchedulerSpec.parse("gmp:procs")).hasMessageContaining("expected key=value");
    }

    @Test
    void availableListsEverySchedulerWithSettingsAndDefaults() {
        List<SchedulerInfo> all = Schedulers.available();
        assertThat(all).extracting(SchedulerInfo::name).contains("platform", "platform-pool", "virtual");
        SchedulerInfo pool = all.stream().filter(i -> i.name().equals("platform-pool")).findFirst().orElseThrow();
        assertThat(pool.settings()).extracting(SettingInfo::name).containsExactly("threads");
        assertThat(pool.settings().get(0).defaultValue())
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
        assertThat(Schedulers.validate("platform-pool").asWritten()).containsKey("threads");
    }

    @Test
    void virtualParallelismOtherThanThisJvmsNeedsItsOwnJvm() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(Schedulers.jvmArgs("virtual:parallelism=7"))
                .containsExactly("-Djdk.virtualThreadScheduler.parallelism=7");
        if (cores != 7 && System.getProperty("jdk.virtualThreadScheduler.parallelism") == null) {
            assertThatThrownBy(() -> Schedulers.create("virtual:parallelism=7"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("-Djdk.virtualThreadScheduler.parallelism=7");
        }
    }

    @Test
    void durationsParseAndFormat() {
        assertThat(Durations.parse("10ms")).isEqualTo(Duration.ofMillis(10));
        assertThat(Durations.parse("20us")).isEqualTo(Duration.ofNanos(20_000));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.format(Duration.ofMillis(10))).isEqualTo("10ms");
        assertThat(Durations.format(Duration.ofNanos(20_000))).isEqualTo("20us");
        assertThatThrownBy(() -> Durations.parse("10 parsecs")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpuKernelIsCalibratedToAboutAMicrosecondPerUnit() {
        CpuKernel.Calibration c = CpuKernel.calibration();
        assertThat(c.iterationsPerUnit()).isPositive();
        // calibrated against this machine's clock: within a factor of 3 even on a noisy machine
        assertThat(c.nsPerUnit()).isBetween(333.0, 3000.0);
    }
}
