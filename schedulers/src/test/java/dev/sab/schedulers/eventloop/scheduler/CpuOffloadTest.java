package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;
import dev.sab.schedulers.TaskHandle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code eventloop} runs {@code Ctx.cpu} on the loop, so a long computation stops a ticker on the
 * same loop; {@code eventloop:workers=N} sends calls of at least {@code offload} units to worker
 * loops and the ticker keeps going, while short calls still run on the loop.
 */
class CpuOffloadTest {
    private static final long HOG_UNITS = 300_000; // ~300 ms

    /** The hog's own wall time and the longest gap between the ticks of a 1 ms ticker while it ran. */
    private record Hogging(long hogNanos, long longestGapNanos) {
    }

    private static Hogging longestTickGapWhileHogging(String spec) throws Exception {
        try (Scheduler s = Schedulers.create(spec)) {
            AtomicLong longestGap = new AtomicLong();
            AtomicLong hogNanos = new AtomicLong();
            TaskHandle<Void> hog = s.spawn(ctx -> {
                ctx.sleep(Duration.ofMillis(20)); // let the ticker start first
                long start = System.nanoTime();
                ctx.cpu(HOG_UNITS);
                hogNanos.set(System.nanoTime() - start);
            });
            TaskHandle<Void> ticker = s.spawn(ctx -> {
                long last = ctx.nanoTime();
                while (!hog.isDone()) {
                    ctx.sleep(Duration.ofMillis(1));
                    long now = ctx.nanoTime();
                    longestGap.accumulateAndGet(now - last, Math::max);
                    last = now;
                }
            });
            hog.join();
            ticker.join();
            return new Hogging(hogNanos.get(), longestGap.get());
        }
    }

    @Test
    void onTheLoopALongComputationStopsEveryTimer() throws Exception {
        Hogging h = longestTickGapWhileHogging("eventloop");
        assertThat(h.hogNanos()).as("the hog ran").isGreaterThan(Duration.ofMillis(100).toNanos());
        // no tick can come between the hog's start and its end: the gap spans the whole hog
        assertThat(h.longestGapNanos()).as("%s", h).isGreaterThanOrEqualTo(h.hogNanos());
    }

    @Test
    void withWorkersTheLoopStaysFree() throws Exception {
        // generous for a loaded 2-core machine: what matters is that it is nowhere near the whole hog
        Hogging h = longestTickGapWhileHogging("eventloop:workers=2");
        assertThat(h.hogNanos()).as("the hog ran").isGreaterThan(Duration.ofMillis(100).toNanos());
        assertThat(h.longestGapNanos()).as("%s", h).isLessThan(h.hogNanos() / 2);
    }

    @Test
    void shortCallsStayOnTheLoopAndLongOnesLeaveIt() throws Exception {
        try (Scheduler s = Schedulers.create("eventloop:workers=1,offload=1000")) {
            String loopThread = s.submit(ctx -> Thread.currentThread().isVirtual() ? "coroutine" : "?").join();
            assertThat(loopThread).isEqualTo("coroutine");
            long before = workerTasks(s);
            s.spawn(ctx -> ctx.cpu(999)).join();
            assertThat(workerTasks(s)).as("999 units ran on the loop").isEqualTo(before);
            s.spawn(ctx -> ctx.cpu(1000)).join();
            assertThat(workerTasks(s)).as("1000 units went to the pool").isEqualTo(before + 1);
        }
    }

    private static long workerTasks(Scheduler s) {
        return s.metrics().longValue("cpuOffloaded");
    }
}
