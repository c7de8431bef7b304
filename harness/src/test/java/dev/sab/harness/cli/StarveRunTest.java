package dev.sab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run issue 5 names: {@code gmp:procs=1,preempt=on} next to {@code gmp:procs=1,preempt=off}
 * on the {@code starve} workload shows the difference in {@code summary.tags.light.latencyNs.p99}.
 * Two hogs of about 150 ms share one P with ticks arriving at 200/s: without preemption a tick
 * that arrives behind a hog waits for all of it; with it, for a time slice or two.
 */
class StarveRunTest {
    @TempDir
    Path tmp;

    @Test
    void preemptionKeepsTheLightTicksOnTime() throws Exception {
        Path out = tmp.resolve("starve");
        CliRun r = CliRun.of("run", "-s", "gmp:procs=1,preempt=on", "-s", "gmp:procs=1,preempt=off", "-w", "starve",
                "-p", "hogs=2", "-p", "hogUnits=150000", "--tasks", "62", "--rate", "200/s", "--trials", "1", "--warmup", "0",
                "--quiet", "--out", out.toString());
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        JsonNode runs = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("runs");
        assertThat(runs).hasSize(2);
        long on = lightP99(runs.get(0));
        long off = lightP99(runs.get(1));
        JsonNode offHog = runs.get(1).path("summary").path("tags").path("hog").path("latencyNs");
        assertThat(runs.get(0).path("scheduler").asText()).isEqualTo("gmp:procs=1,preempt=on");
        // without preemption some tick waits behind a whole hog (a hog's latency is at least its run)
        assertThat(off).as("light p99 with preempt=off").isGreaterThanOrEqualTo(offHog.path("p50").asLong() / 2);
        assertThat(on).as("light p99 with preempt=on (off: %d ns)", off).isLessThan(off / 2);
        assertThat(runs.get(0).path("trials").get(0).path("scheduler").path("preemptions").path("value").asLong())
                .as("the hogs were preempted").isPositive();
        assertThat(runs.get(1).path("trials").get(0).path("scheduler").path("preemptions").path("value").asLong()).isZero();
    }

    private static long lightP99(JsonNode run) {
        JsonNode light = run.path("summary").path("tags").path("light").path("latencyNs");
        assertThat(light.path("count").asLong()).as("ticks of %s", run.path("scheduler")).isEqualTo(60);
        return light.path("p99").asLong();
    }
}
