package dev.sab.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input: exit code 2, one line on stderr naming the bad value and what is valid, no stack trace. */
class BadInputTest {

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = tmp.resolve("out").toString();
        return CliRun.of(all);
    }

    private static void assertOneLineUsageError(CliRun r, String... fragments) {
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as("stderr: %s", r.err()).hasSize(1);
        assertThat(r.err()).doesNotContain("\tat ").startsWith("sab: ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownScheduler() {
        assertOneLineUsageError(run("run", "-s", "nodejs", "-w", "sleep"), "unknown scheduler 'nodejs'", "platform", "virtual");
    }

    @Test
    void unknownSchedulerSetting() {
        assertOneLineUsageError(run("run", "-s", "platform-pool:size=3", "-w", "sleep"), "unknown setting 'size'", "threads");
    }

    @Test
    void badSchedulerSettingValue() {
        assertOneLineUsageError(run("run", "-s", "platform-pool:threads=-1", "-w", "sleep"), "'-1'", "threads", "≥ 1");
    }

    @Test
    void unknownWorkload() {
        assertOneLineUsageError(run("run", "-s", "virtual", "-w", "sleep,slep"), "unknown workload 'slep'", "sleep, echo, http");
    }

    @Test
    void unknownParameter() {
        assertOneLineUsageError(run("run", "-s", "virtual", "-w", "sleep", "-p", "durration=5ms"),
                "unknown parameter 'durration'", "duration");
    }

    @Test
    void badParameterValue() {
        assertOneLineUsageError(run("run", "-s", "virtual", "-w", "sleep", "-p", "duration=soon"),
                "'soon'", "duration", "such as 10ms");
        assertOneLineUsageError(run("run", "-s", "virtual", "-w", "cpu", "-p", "units=-5"), "'-5'", "units", "from 0");
    }

    @ParameterizedTest
    @CsvSource({"--tasks,0", "--tasks,-3", "--tasks,many", "--trials,0", "--trials,x", "--warmup,-1", "--timeout,0s",
            "--timeout,forever"})
    void badCounts(String option, String value) {
        assertOneLineUsageError(run("run", "-s", "virtual", "-w", "sleep", option, value), option, value);
    }

    @Test
    void unwritableOutputDirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        CliRun r = CliRun.of("run", "-s", "virtual", "-w", "sleep", "--out", file.resolve("sub").toString());
        assertOneLineUsageError(r, "cannot write to --out", file.resolve("sub").toString());
    }

    @Test
    void unknownCommandAndOption() {
        assertOneLineUsageError(CliRun.of("rnu"), "rnu");
        assertOneLineUsageError(run("run", "--taks", "5"), "--taks");
    }

    @Test
    void aParallelismThisJvmLacksNeedsAFork() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertOneLineUsageError(run("run", "--no-fork", "-s", "virtual:parallelism=" + (cores + 3), "-w", "sleep"),
                "needs its own JVM", "--no-fork");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun r = run("run", "-s", "nodejs", "-w", "sleep", "--verbose");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown scheduler 'nodejs'").contains("\tat ");
    }
}
