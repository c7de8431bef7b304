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

    @ParameterizedTest
    @CsvSource({"--concurrency,0", "--concurrency,-2", "--rate,0/s", "--rate,fast", "--arrival,sometimes", "--spawner,goroutine", "--heap,lots",
            "--shard,0/2", "--shard,3/2", "--shard,half"})
    void badArrivalAndPlacementOptions(String option, String value) {
        assertOneLineUsageError(run("run", "-s", "virtual", "-w", "sleep", option, value), option, value);
    }

    @Test
    void closedAndOpenLoopExcludeEachOther() {
        assertOneLineUsageError(run("run", "-s", "virtual", "-w", "sleep", "--concurrency", "4", "--rate", "100/s"),
                "concurrency and rate exclude each other");
        assertOneLineUsageError(run("run", "-s", "virtual", "-w", "sleep", "--arrival", "poisson"), "arrival poisson needs a rate");
        assertOneLineUsageError(run("run", "-s", "virtual", "-w", "sleep", "--spawner", "task", "--rate", "100/s"),
                "spawner task needs a burst");
    }

    @Test
    void missingAndMalformedExperimentFiles() throws Exception {
        assertOneLineUsageError(run("run", "-f", tmp.resolve("none.yaml").toString()), "cannot read experiment file",
                "none.yaml", "bundled: default");
        Path malformed = Files.writeString(tmp.resolve("bad.yaml"), "schedulers: [virtual\nworkloads: sleep\n");
        assertOneLineUsageError(run("run", "-f", malformed.toString()), "bad.yaml:2: malformed YAML");
        Path unknown = Files.writeString(tmp.resolve("unknown.yaml"), "workloads: [sleep]\ntrails: 2\n");
        assertOneLineUsageError(run("run", "-f", unknown.toString()), "unknown.yaml:2: unknown key 'trails'", "trials");
        Path zero = Files.writeString(tmp.resolve("zero.yaml"), "workloads: [sleep]\ntasks: 0\n");
        assertOneLineUsageError(run("run", "-f", zero.toString()), "zero.yaml:2: bad value '0' for tasks", "≥ 1");
        Path noRead = Files.writeString(tmp.resolve("secret.yaml"), "workloads: [sleep]\n");
        if (noRead.toFile().setReadable(false) && !Files.isReadable(noRead)) {
            assertOneLineUsageError(run("run", "-f", noRead.toString()), "cannot read experiment file", "secret.yaml");
        }
    }

    @Test
    void mergeRefusesWhatIsNotAResultsFileAndAnUnwritableOutput() throws Exception {
        Path notJson = Files.writeString(tmp.resolve("notes.json"), "hello");
        assertOneLineUsageError(CliRun.of("merge", notJson.toString(), "-o", tmp.resolve("m").toString()),
                "cannot merge", "notes.json", "not a sab results file");
        assertOneLineUsageError(CliRun.of("merge", tmp.resolve("absent").toString(), "-o", tmp.resolve("m").toString()),
                "cannot merge", "absent");
        Path wrongSchema = Files.writeString(tmp.resolve("other.json"), "{\"schema\":\"x/2\",\"runs\":[]}");
        assertOneLineUsageError(CliRun.of("merge", wrongSchema.toString(), "-o", tmp.resolve("m").toString()),
                "schema 'x/2'", "sab.results/1");
        Path good = Files.writeString(tmp.resolve("good.json"), "{\"schema\":\"sab.results/1\",\"runs\":[]}");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertOneLineUsageError(CliRun.of("merge", good.toString(), "-o", file.resolve("sub").toString()), "cannot write to --out");
        assertOneLineUsageError(CliRun.of("merge", good.toString()), "-o");
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
