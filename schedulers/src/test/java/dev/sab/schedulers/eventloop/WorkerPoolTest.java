package dev.sab.schedulers.eventloop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The Piscina-like pool: scaling, the FIFO queue, results and errors across threads. */
class WorkerPoolTest {

    @Test
    void tasksBeyondMaxThreadsQueueInOrderAndEveryResultComesBack() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> results = new ArrayList<>();
        int[] peakQueue = {0};
        int[] peakThreads = {0};
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                WorkerPool pool = WorkerPool.create(new WorkerPoolOptions("test", 1, 2, Duration.ofMillis(10), task -> {
                    threads.add(Thread.currentThread().getName());
                    Thread.sleep(20);
                    return (Integer) task * 10;
                }));
                List<Promise<Integer>> all = new ArrayList<>();
                for (int i = 1; i <= 6; i++) {
                    all.add(pool.run(i));
                    peakQueue[0] = Math.max(peakQueue[0], pool.queueSize());
                    peakThreads[0] = Math.max(peakThreads[0], pool.threads());
                }
                Promise.all(all).thenAccept(r -> {
                    results.addAll(r);
                    pool.close();
                });
            });
        }
        assertThat(results).containsExactly(10, 20, 30, 40, 50, 60);
        assertThat(peakThreads[0]).isEqualTo(2);
        assertThat(peakQueue[0]).isEqualTo(4);
        assertThat(threads).hasSize(2).allMatch(n -> n.contains("worker"));
    }

    @Test
    void aFailingTaskRejectsItsPromiseWithACopyOfTheError() {
        List<String> seen = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                WorkerPool pool = WorkerPool.create(WorkerPoolOptions.fixed("failing", 1, task -> {
                    throw new IllegalArgumentException("bad task " + task);
                }));
                pool.run("x").catchError(e -> {
                    seen.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    pool.close();
                    return null;
                });
            });
        }
        assertThat(seen).containsExactly("IllegalArgumentException: bad task x");
    }

    @Test
    void anAsyncHandlerIsAwaitedOnTheWorkersLoop() {
        List<Object> seen = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                WorkerPool pool = WorkerPool.create(WorkerPoolOptions.fixed("async", 1,
                        task -> EventLoop.current().delay(10).then(v -> "late " + task)));
                pool.run("answer").thenAccept(v -> {
                    seen.add(v);
                    pool.close();
                });
            });
        }
        assertThat(seen).containsExactly("late answer");
    }

    @Test
    void anIdlePoolDoesNotKeepTheLoopAlive() {
        long start = System.nanoTime();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> WorkerPool.create(WorkerPoolOptions.fixed("idle", 2, task -> task)));
        }
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(10).toNanos());
    }
}
