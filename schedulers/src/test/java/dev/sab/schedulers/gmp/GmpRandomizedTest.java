package dev.sab.schedulers.gmp;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;
import dev.sab.schedulers.TaskHandle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The randomised-scheduling mode (Go's race build shuffles runnext and local-queue choices to
 * shake out code that depends on one schedule): the contract suite runs one variant with
 * {@code randomize=on} (see {@link GmpProvider#contractVariants()}); this test repeats the
 * scheduling-heavy shapes, a tree of spawns and joins, a ping-pong of futures, sleepers and tiny
 * queues, under several seeds' worth of rounds. The default run does a few rounds;
 * {@code -Pstress} sets {@code sab.gmp.randomizedRounds} higher.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class GmpRandomizedTest {
    private static final int ROUNDS = Integer.getInteger("sab.gmp.randomizedRounds", 3);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gmp:procs=1,randomize=on", "gmp:procs=2,randomize=on,runq=4", "gmp:procs=4,randomize=on,runq=2"})
    void theSchedulingHeavyShapesHoldUnderShuffling(String spec) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            try (Scheduler s = Schedulers.create(spec)) {
                assertThat(tree(s, 4, 4)).isEqualTo(341); // 1 + 4 + 16 + 64 + 256 nodes
                assertThat(pingPong(s, 500)).isEqualTo(500);
                assertThat(sleepers(s, 300)).isEqualTo(300);
            }
        }
    }

    /** A tree of goroutines, each joining its children; returns the number of nodes. */
    private static int tree(Scheduler s, int depth, int fanout) throws Exception {
        return s.submit(ctx -> node(ctx, depth, fanout)).join();
    }

    private static int node(dev.sab.schedulers.Ctx ctx, int depth, int fanout) throws Exception {
        if (depth == 0) {
            return 1;
        }
        List<TaskHandle<Integer>> kids = new ArrayList<>();
        for (int i = 0; i < fanout; i++) {
            kids.add(ctx.submit(c -> node(c, depth - 1, fanout)));
        }
        int sum = 1;
        for (TaskHandle<Integer> k : kids) {
            sum += k.join();
        }
        return sum;
    }

    /** Two goroutines handing a counter back and forth through futures. */
    private static int pingPong(Scheduler s, int rounds) throws Exception {
        List<CompletableFuture<Integer>> ping = new ArrayList<>();
        List<CompletableFuture<Integer>> pong = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            ping.add(new CompletableFuture<>());
            pong.add(new CompletableFuture<>());
        }
        TaskHandle<Void> ponger = s.spawn(ctx -> {
            for (int i = 0; i < rounds; i++) {
                pong.get(i).complete(ctx.await(ping.get(i)) + 1);
            }
        });
        int last = s.submit(ctx -> {
            int v = 0;
            for (int i = 0; i < rounds; i++) {
                ping.get(i).complete(v);
                v = ctx.await(pong.get(i));
            }
            return v;
        }).join();
        ponger.join();
        return last;
    }

    private static int sleepers(Scheduler s, int n) throws Exception {
        AtomicInteger woke = new AtomicInteger();
        List<TaskHandle<Void>> hs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int ms = i % 7;
            hs.add(s.spawn(ctx -> {
                ctx.sleep(Duration.ofMillis(ms));
                ctx.yield();
                woke.incrementAndGet();
            }));
        }
        for (TaskHandle<Void> h : hs) {
            h.join();
        }
        return woke.get();
    }
}
