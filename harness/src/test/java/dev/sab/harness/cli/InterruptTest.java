package dev.sab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sab.harness.internal.ForkedTrial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C on {@code sab run}: a real {@code sab} JVM gets SIGINT while a forked trial runs; the
 * trial process is ended, and results.json holds every trial that finished, marked interrupted.
 */
class InterruptTest {

    @TempDir
    Path tmp;

    @Test
    void ctrlCEndsTheTrialProcessAndKeepsEveryFinishedTrial() throws Exception {
        Path out = tmp.resolve("stopped");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ForkedTrial.SAB_JVM_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SabCommand.class.getName(),
                "run", "-s", "virtual", "-w", "sleep", "-p", "duration=1500ms", "--tasks", "10", "--trials", "20",
                "--warmup", "0", "--out", out.toString()));
        Process sab = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("sab.log").toFile()).start();
        try {
            Path results = out.resolve("results.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240); // a very busy machine starts JVMs slowly
            while (finishedTrials(results) < 1 && System.nanoTime() < deadline && sab.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(finishedTrials(results)).as("log: %s", log()).isGreaterThanOrEqualTo(1);
            Thread.sleep(300); // the next trial's process is running now
            List<ProcessHandle> children = sab.descendants().toList();
            assertThat(children).as("a trial process runs").isNotEmpty();

            new ProcessBuilder("kill", "-INT", Long.toString(sab.pid())).inheritIO().start().waitFor();
            assertThat(sab.waitFor(30, TimeUnit.SECONDS)).as("sab stops").isTrue();

            assertThat(sab.exitValue()).as("log: %s", log()).isEqualTo(ExitCodes.STOPPED);
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("trial process %d ended", child.pid()).isFalse();
            }
            JsonNode root = new ObjectMapper().readTree(results.toFile());
            assertThat(root.path("interrupted").asBoolean()).isTrue();
            JsonNode trials = root.path("runs").get(0).path("trials");
            assertThat(trials.size()).isBetween(1, 19);
            for (JsonNode t : trials) {
                assertThat(t.path("ok").asBoolean()).as("only finished trials are kept: %s", t.path("error")).isTrue();
            }
            assertThat(log()).contains("sab: stopped; the " + trials.size() + " finished trial");
        } finally {
            sab.descendants().forEach(ProcessHandle::destroyForcibly);
            sab.destroyForcibly();
        }
    }

    @Test
    void aTrialWhoseRunIsKilledOutrightHaltsItself() throws Exception {
        Path out = tmp.resolve("orphaned");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ForkedTrial.SAB_JVM_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SabCommand.class.getName(),
                "run", "-s", "virtual", "-w", "sleep", "-p", "duration=60s", "--tasks", "5", "--trials", "1",
                "--warmup", "0", "-q", "--out", out.toString()));
        Process sab = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("sab.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            List<ProcessHandle> children = List.of();
            while (children.isEmpty() && System.nanoTime() < deadline && sab.isAlive()) {
                Thread.sleep(50);
                children = sab.descendants().toList();
            }
            assertThat(children).as("a trial process runs; log: %s", log()).isNotEmpty();
            sab.destroyForcibly(); // SIGKILL: no shutdown hook runs, nobody ends the trial
            sab.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("orphaned trial process %d halted itself", child.pid()).isFalse();
            }
        } finally {
            sab.descendants().forEach(ProcessHandle::destroyForcibly);
            sab.destroyForcibly();
        }
    }

    private static int finishedTrials(Path results) {
        try {
            if (!Files.exists(results)) {
                return 0;
            }
            return new ObjectMapper().readTree(results.toFile()).path("runs").path(0).path("trials").size();
        } catch (IOException e) {
            return 0; // never a torn file (atomic writes), but it may vanish between exists and read
        }
    }

    private String log() throws IOException {
        return Files.readString(tmp.resolve("sab.log"));
    }
}
