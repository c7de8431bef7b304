package dev.sab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    @TempDir
    Path tmp;

    @Test
    void forkedRunWritesResultsAndSummaryAndPrintsTheTable() throws Exception {
        Path out = tmp.resolve("run");
        CliRun r = CliRun.of("run", "-s", "platform", "-s", "virtual", "-w", "sleep,cpu", "--tasks", "200",
                "--trials", "2", "--warmup", "0", "-p", "units=100", "--out", out.toString());
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();

        JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(root.path("schema").asText()).isEqualTo("sab.results/1");
        assertThat(root.path("environment").path("cores").asInt()).isPositive();
        assertThat(root.path("environment").path("commandLine").asText()).startsWith("sab run -s platform");
        JsonNode runs = root.path("runs");
        assertThat(runs).hasSize(4);
        assertThat(runs.get(0).path("scheduler").asText()).isEqualTo("platform");
        assertThat(runs.get(0).path("workload").asText()).isEqualTo("sleep");
        assertThat(runs.get(0).path("params").path("duration").asText()).isEqualTo("10ms");
        assertThat(runs.get(1).path("params").path("units").asText()).isEqualTo("100");
        for (JsonNode run : runs) {
            assertThat(run.path("trials")).hasSize(2);
            for (JsonNode trial : run.path("trials")) {
                assertThat(trial.path("ok").asBoolean()).as("trial: %s", trial).isTrue();
                assertThat(trial.path("tasks").asLong()).isEqualTo(200);
                assertThat(trial.path("latencyNs").path("count").asLong()).isEqualTo(200);
                assertThat(trial.path("latencyNs").path("histogram").asText()).isNotEmpty();
                assertThat(trial.path("throughputPerSec").asDouble()).isPositive();
                assertThat(trial.path("memory").has("bytesPerTask")).isTrue();
                long probes = trial.path("probe").path("latenessNs").path("count").asLong();
                assertThat(probes).as("the responsiveness probe ran").isPositive();
                assertThat(trial.path("scheduler").path("tasksSpawned").path("value").asLong())
                        .as("counters are the change over the measured iteration: its tasks and its probes")
                        .isEqualTo(200 + probes);
                assertThat(trial.path("startDelayNs").path("count").asLong()).isEqualTo(200);
                assertThat(trial.path("process").path("peakThreads").asInt()).isPositive();
                assertThat(trial.path("cpu").path("processCpuNanos").asLong()).isPositive();
                assertThat(trial.path("cpu").path("coresUsed").asDouble()).as("cores used: CPU over its own window")
                        .isLessThanOrEqualTo(root.path("environment").path("cores").asInt() * 1.1);
            }
            JsonNode summary = run.path("summary");
            assertThat(summary.path("okTrials").asInt()).isEqualTo(2);
            assertThat(summary.path("latencyNs").path("p50").asLong()).isPositive();
        }
        // a sleep task cannot finish before its 10 ms
        assertThat(runs.get(0).path("summary").path("latencyNs").path("p50").asLong()).isGreaterThanOrEqualTo(10_000_000);

        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("| scheduler").contains("| platform").contains("| virtual");
        assertThat(r.out()).contains("| scheduler").contains("results.json: " + out.resolve("results.json"));
        assertThat(r.err()).contains("[1/4] platform × sleep");
        assertThat(r.out()).contains("trials.csv: ").contains("latency.hlog: ");
    }

    @Test
    void jsonFormatPrintsTheResultsOnStdout() throws Exception {
        Path out = tmp.resolve("json");
        CliRun r = CliRun.of("run", "--no-fork", "-s", "virtual", "-w", "sleep", "--tasks", "10", "--trials", "1",
                "--warmup", "0", "-q", "--format", "json", "--out", out.toString());
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        JsonNode printed = new ObjectMapper().readTree(r.out());
        assertThat(printed.path("runs").get(0).path("scheduler").asText()).isEqualTo("virtual");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void virtualParallelismRunsInAJvmOfItsOwn() throws Exception {
        Path out = tmp.resolve("parallelism");
        CliRun r = CliRun.of("run", "-s", "virtual:parallelism=1", "-w", "cpu", "-p", "units=10", "--tasks", "20",
                "--trials", "1", "--warmup", "0", "-q", "--out", out.toString());
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        JsonNode trial = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("runs").get(0).path("trials").get(0);
        assertThat(trial.path("scheduler").path("parallelism").path("value").asInt()).isEqualTo(1);
    }

    @Test
    void dryRunPrintsTheExpandedMatrixAndAnEstimateAndRunsNothing() throws Exception {
        Path out = tmp.resolve("dry");
        CliRun r = CliRun.of("run", "--dry-run", "-s", "virtual,platform", "-w", "sleep", "--rate", "500/s", "--tasks", "100",
                "--shard", "2/2", "--out", out.toString());
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out()).contains("1 cell (shard 2/2 of a 2-cell matrix) × 3 trials = 3 trials")
                .contains("platform").doesNotContain(" virtual ").contains("open:500/s").contains("estimated time: about");
        assertThat(out).doesNotExist();
    }

    @Test
    void withNoArgumentsItRunsTheDefaultExperiment() {
        CliRun r = CliRun.of("run", "--dry-run");
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out()).startsWith("experiment default:").contains("platform-pool").contains("gmp").contains("units=200")
                .doesNotContain("platform-pool echo");
        CliRun overridden = CliRun.of("run", "--dry-run", "--tasks", "7", "--trials", "2");
        assertThat(overridden.out()).contains("× 2 trials =").contains(" 7 ");
    }

    @Test
    void closedAndOpenLoopsRunAndSayHowTheTasksArrived() throws Exception {
        Path out = tmp.resolve("arrivals");
        CliRun closed = CliRun.of("run", "--no-fork", "-s", "virtual", "-w", "cpu", "-p", "units=50", "--tasks", "100",
                "--trials", "1", "--warmup", "0", "--concurrency", "4", "--out", out.resolve("closed").toString());
        assertThat(closed.exit()).as("stderr: %s", closed.err()).isZero();
        assertThat(closed.out()).contains("closed:4");
        JsonNode c = new ObjectMapper().readTree(out.resolve("closed/results.json").toFile()).path("runs").get(0);
        assertThat(c.path("arrival").asText()).isEqualTo("closed:4");
        assertThat(c.path("trials").get(0).path("arrival").path("concurrency").asInt()).isEqualTo(4);

        CliRun open = CliRun.of("run", "--no-fork", "-s", "virtual", "-w", "cpu", "-p", "units=50", "--tasks", "100",
                "--trials", "1", "--warmup", "0", "--rate", "1000/s", "--arrival", "poisson", "-q",
                "--out", out.resolve("open").toString());
        assertThat(open.exit()).as("stderr: %s", open.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(out.resolve("open/results.json").toFile()).path("runs").get(0);
        assertThat(o.path("arrival").asText()).isEqualTo("open:1000/s,poisson");
        JsonNode arrival = o.path("trials").get(0).path("arrival");
        assertThat(arrival.path("targetRatePerSec").asDouble()).isEqualTo(1000);
        assertThat(arrival.path("latencyFrom").asText()).isEqualTo("intended start");
    }

    @Test
    void progressIsPlainLinesWhenStderrIsNotATerminalAndNothingWhenQuiet() throws Exception {
        CliRun plain = CliRun.of("run", "--no-fork", "-s", "virtual", "-w", "cpu", "-p", "units=1", "--tasks", "5",
                "--trials", "2", "--warmup", "0", "--out", tmp.resolve("plain").toString());
        assertThat(plain.err().lines()).hasSize(2).allMatch(l -> l.startsWith("[1/1] virtual × cpu units=1 ×5  trial "));
        CliRun quiet = CliRun.of("run", "--no-fork", "-s", "virtual", "-w", "cpu", "-p", "units=1", "--tasks", "5",
                "--trials", "1", "--warmup", "0", "-q", "--out", tmp.resolve("quiet").toString());
        assertThat(quiet.err()).isEmpty();
        assertThat(Files.readString(tmp.resolve("quiet/trials.csv")).lines()).hasSize(2);
        assertThat(tmp.resolve("quiet/latency.hlog")).isNotEmptyFile();
    }

    @Test
    void listAndVersionAndHelp() {
        CliRun list = CliRun.of("list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("platform").contains("virtual").contains("sleep").contains("duration=10ms");
        CliRun schedulers = CliRun.of("list", "schedulers");
        assertThat(schedulers.out()).contains("platform-pool").doesNotContain("Workloads");
        assertThat(CliRun.of("--version").out()).startsWith("sab ");
        assertThat(CliRun.of("run", "--help").out()).contains("--tasks").contains("--scheduler");
        CliRun bad = CliRun.of("list", "gadgets");
        assertThat(bad.exit()).isEqualTo(2);
    }
}
