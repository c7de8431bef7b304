package dev.sab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Trials that go wrong are recorded as failed, the run goes on, and its exit code is 1. */
class FailedTrialsTest {

    @TempDir
    Path tmp;

    /** The forked trial JVM this JVM has started, once there is one. */
    private static Optional<ProcessHandle> trialProcess() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("TrialMain")).orElse(false))
                .findFirst();
    }

    @Test
    void aChildKilledMidTrialIsRecordedAsFailedAndTheRunGoesOn() throws Exception {
        Path out = tmp.resolve("killed");
        Thread killer = Thread.ofPlatform().start(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                Optional<ProcessHandle> child = trialProcess();
                if (child.isPresent()) {
                    try {
                        Thread.sleep(500); // well inside its 3 s of sleeping tasks
                    } catch (InterruptedException e) {
                        return;
                    }
                    child.get().destroyForcibly();
                    return;
                }
                Thread.onSpinWait();
            }
        });
        CliRun r = CliRun.of("run", "-s", "virtual", "-w", "sleep", "-p", "duration=3s", "--tasks", "10", "--trials", "2",
                "--warmup", "0", "-q", "--out", out.toString());
        killer.join();
        assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(1);
        JsonNode trials = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("runs").get(0).path("trials");
        assertThat(trials).hasSize(2);
        assertThat(trials.get(0).path("ok").asBoolean()).isFalse();
        assertThat(trials.get(0).path("error").asText()).contains("killed by signal 9");
        assertThat(trials.get(1).path("ok").asBoolean()).as("the run went on: %s", trials.get(1)).isTrue();
        assertThat(r.out()).contains("| virtual").contains("1/2");
    }

    @Test
    void aTrialPastItsTimeoutIsRecordedAsFailed() throws Exception {
        Path out = tmp.resolve("timeout");
        CliRun r = CliRun.of("run", "--no-fork", "-s", "virtual", "-w", "sleep", "-p", "duration=5s", "--tasks", "5",
                "--trials", "1", "--warmup", "0", "--timeout", "300ms", "-q", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode trial = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("runs").get(0).path("trials").get(0);
        assertThat(trial.path("ok").asBoolean()).isFalse();
        assertThat(trial.path("error").asText()).contains("timed out after 300 ms");
    }

    @Test
    void aTrialWhoseWorkloadFailsVerificationIsRecordedAsFailedWithItsOutput() throws Exception {
        Path out = tmp.resolve("failing");
        CliRun r = CliRun.of("run", "-s", "virtual", "-w", "hold", "-p", "size=64", "-p", "hold=0ms", "-p", "verdict=fail",
                "--tasks", "3", "--trials", "1", "--warmup", "0", "-q", "--out", out.toString());
        assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(1);
        JsonNode trial = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("runs").get(0).path("trials").get(0);
        assertThat(trial.path("ok").asBoolean()).isFalse();
        assertThat(trial.path("error").asText()).isEqualTo("verification failed: told to fail (verdict=fail)");
        assertThat(trial.has("stderrTail")).as("the trial process's output is kept").isTrue();
        assertThat(trial.path("latencyNs").path("count").asLong()).as("its measurements stay").isEqualTo(3);
    }
}
