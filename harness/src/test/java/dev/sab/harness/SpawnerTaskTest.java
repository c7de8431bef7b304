package dev.sab.harness;

import dev.sab.reports.model.TrialResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code burst:task}: one task on the scheduler spawns the burst with {@code Ctx.spawn}, so the
 * tasks take the scheduler's own spawn path. On gmp that is Go's {@code go} statement: into the
 * spawner's P (runnext, displacing the previous G into its local queue, which spills half of
 * itself to the global queue when full); from the driving thread every task goes through the
 * global queue.
 */
class SpawnerTaskTest {
    private static final int TASKS = 3000;

    private static TrialResult run(String scheduler, String arrival) {
        TrialResult r = TrialRunner.run(new TrialSpec(scheduler, "cpu", Map.of("units", "5"), TASKS, arrival, 0, 60_000, 3));
        assertThat(r.ok()).as("trial: %s", r.error()).isTrue();
        assertThat(r.latencyNs().count()).as("every task timed").isEqualTo(TASKS);
        return r;
    }

    private static long counter(TrialResult r, String name) {
        Map<String, Object> m = r.scheduler().get(name);
        assertThat(m).as("metric %s in %s", name, r.scheduler().keySet()).isNotNull();
        return ((Number) m.get("value")).longValue();
    }

    @Test
    void onGmpABurstFromATaskGoesThroughTheSpawnersPAndABurstFromTheThreadThroughTheGlobalQueue() {
        TrialResult fromThread = run("gmp:procs=2", "burst");
        assertThat(fromThread.arrival().mode()).isEqualTo("burst");
        assertThat(counter(fromThread, "globalEnqueues")).as("every task readied from outside").isGreaterThanOrEqualTo(TASKS);
        assertThat(counter(fromThread, "overflowMoves")).as("no local queue filled").isZero();

        TrialResult fromTask = run("gmp:procs=2", "burst:task");
        assertThat(fromTask.arrival().mode()).isEqualTo("burst-from-task");
        assertThat(counter(fromTask, "tasksSpawned")).as("the burst and its spawner (and the harness's probes)")
                .isGreaterThanOrEqualTo(TASKS + 1);
        assertThat(counter(fromTask, "localEnqueues")).as("each go statement displaces runnext into the local queue")
                .isGreaterThanOrEqualTo(TASKS);
        assertThat(counter(fromTask, "overflowMoves")).as("the spawner's full local queue spilled half to the global queue")
                .isPositive();
    }

    @Test
    void everySchedulerRunsABurstFromATask() {
        for (String scheduler : new String[] {"virtual", "platform-pool", "eventloop"}) {
            TrialResult r = run(scheduler, "burst:task");
            assertThat(r.arrival().mode()).isEqualTo("burst-from-task");
        }
    }

    @Test
    void aSpawnerThatRunsPastTheTrialsTimeoutFailsTheTrialWithWhatItSpawned() {
        // on a single event loop each child runs inline in the spawner: 2000 tasks of 1 ms each
        // cannot be spawned within a 300 ms trial
        TrialResult r = TrialRunner.run(new TrialSpec("eventloop", "cpu", Map.of("units", "1000"), 2000, "burst:task", 0, 300,
                3));
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains("timed out").contains("spawned");
    }
}
