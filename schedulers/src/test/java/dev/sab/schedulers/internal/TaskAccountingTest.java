package dev.sab.schedulers.internal;

import dev.sab.schedulers.SchedulerMetrics;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TaskAccountingTest {

    @Test
    void countsEachEndingAndWhatIsStillInFlight() {
        TaskAccounting tasks = new TaskAccounting();
        for (int i = 0; i < 4; i++) {
            tasks.spawned();
        }
        tasks.counted(TaskRun.Ending.COMPLETED);
        tasks.exited();
        tasks.counted(TaskRun.Ending.FAILED);
        tasks.exited();
        tasks.counted(TaskRun.Ending.CANCELLED);
        tasks.exited();

        assertThat(tasks.inFlight()).isEqualTo(1);
        SchedulerMetrics.Builder b = SchedulerMetrics.builder("test");
        tasks.report(b);
        SchedulerMetrics m = b.build();
        assertThat(m.get("tasksSpawned").orElseThrow().value()).isEqualTo(4L);
        assertThat(m.get("tasksCompleted").orElseThrow().value()).isEqualTo(1L);
        assertThat(m.get("tasksFailed").orElseThrow().value()).isEqualTo(1L);
        assertThat(m.get("tasksCancelled").orElseThrow().value()).isEqualTo(1L);
        assertThat(m.get("tasksInFlight").orElseThrow().value()).isEqualTo(1L);
    }

    /**
     * Spawns and exits race on different threads: the in-flight count read meanwhile is never
     * negative, and a drain that starts while tasks are in flight returns once the last one exits.
     */
    @Test
    void drainWaitsForTheLastExitWhileSpawnsAndExitsRace() throws Exception {
        TaskAccounting tasks = new TaskAccounting();
        int perThread = 200_000;
        int exiters = 2;
        AtomicLong tokens = new AtomicLong(); // spawned and not yet taken by an exiter
        AtomicBoolean negativeSeen = new AtomicBoolean();
        CountDownLatch spawnerDone = new CountDownLatch(1);
        Thread spawner = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < perThread * exiters; i++) {
                tasks.spawned();
                tokens.incrementAndGet();
            }
            spawnerDone.countDown();
        });
        Thread[] exiting = new Thread[exiters];
        for (int t = 0; t < exiters; t++) {
            exiting[t] = Thread.ofPlatform().start(() -> {
                for (int done = 0; done < perThread; ) {
                    long n = tokens.get();
                    if (n > 0 && tokens.compareAndSet(n, n - 1)) {
                        tasks.counted(TaskRun.Ending.COMPLETED);
                        tasks.exited();
                        done++;
                    }
                    if (tasks.inFlight() < 0) {
                        negativeSeen.set(true);
                    }
                }
            });
        }
        Thread drainer = Thread.ofPlatform().start(() -> {
            try {
                spawnerDone.await();
            } catch (InterruptedException e) {
                return;
            }
            tasks.awaitDrained();
        });
        drainer.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(drainer.isAlive()).as("awaitDrained returned after the last exit").isFalse();
        spawner.join();
        for (Thread t : exiting) {
            t.join();
        }
        assertThat(negativeSeen).isFalse();
        assertThat(tasks.inFlight()).isZero();
    }
}
