package dev.sab.schedulers;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The one contract every scheduler keeps, run against every registered scheduler in each of the
 * variants its provider names (STYLE.md rule 8): a scheduler joins this suite by being registered.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SchedulerContractTest {

    static Stream<String> specs() {
        return Schedulers.providers().stream().flatMap(p -> p.contractVariants().stream());
    }

    private static Scheduler create(String spec) {
        return Schedulers.create(spec);
    }

    private static SchedulerProvider provider(String spec) {
        return Schedulers.provider(SchedulerSpec.parse(spec).name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void spawnedTaskRunsAndJoins(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            AtomicBoolean ran = new AtomicBoolean();
            TaskHandle<Void> h = s.spawn(ctx -> ran.set(true));
            assertThat(h.join()).isNull();
            assertThat(ran).isTrue();
            assertThat(h.isDone()).isTrue();
            assertThat(h.exception()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void resultComesBackThroughTheHandle(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            TaskHandle<Integer> h = s.submit(ctx -> 6 * 7);
            assertThat(h.join()).isEqualTo(42);
            assertThat(h.result()).isEqualTo(42);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void exceptionComesBackThroughTheHandle(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            IllegalStateException boom = new IllegalStateException("boom");
            TaskHandle<Void> h = s.spawn(ctx -> {
                throw boom;
            });
            assertThatThrownBy(h::join).isInstanceOf(TaskFailedException.class).hasCause(boom);
            assertThat(h.exception()).isSameAs(boom);
            assertThatThrownBy(h::result).isInstanceOf(TaskFailedException.class).hasCause(boom);
            assertThat(s.metrics().longValue("tasksFailed")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void resultBeforeTheEndIsAnError(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            CountDownLatch release = new CountDownLatch(1);
            TaskHandle<Void> h = s.spawn(ctx -> {
                while (!release.await(1, TimeUnit.MILLISECONDS)) {
                    ctx.sleep(Duration.ofMillis(1));
                }
            });
            assertThatThrownBy(h::result).isInstanceOf(IllegalStateException.class);
            assertThat(h.join(Duration.ofMillis(20))).isFalse();
            release.countDown();
            h.join();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void awaitReturnsAStagesValueOrThrowsItsFailure(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            CompletableFuture<String> later = new CompletableFuture<>();
            TaskHandle<String> waiter = s.submit(ctx -> ctx.await(later));
            Thread.sleep(20);
            assertThat(waiter.isDone()).isFalse();
            later.complete("resolved");
            assertThat(waiter.join()).isEqualTo("resolved");
            TaskHandle<String> failing = s.submit(ctx -> ctx.await(CompletableFuture.failedFuture(new IOException("rejected"))));
            assertThatThrownBy(failing::join).isInstanceOf(TaskFailedException.class).hasCauseInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void sleepWaitsAtLeastItsDurationAndNotMuchMore(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            long[] elapsed = new long[5];
            for (int i = 0; i < elapsed.length; i++) {
                elapsed[i] = s.submit(ctx -> {
                    long t0 = ctx.nanoTime();
                    ctx.sleep(Duration.ofMillis(20));
                    return ctx.nanoTime() - t0;
                }).join();
            }
            Arrays.sort(elapsed);
            // Node's timers may fire up to 1 ms early when the loop's clock is cached; none may fire sooner.
            assertThat(elapsed[0]).isGreaterThanOrEqualTo(Duration.ofMillis(19).toNanos());
            // median within 30 ms of the asked 20 ms: generous, this runs on loaded 2-core CI machines
            assertThat(elapsed[2]).isLessThan(Duration.ofMillis(50).toNanos());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void cpuBurnsAboutAMicrosecondPerUnit(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            long elapsed = s.submit(ctx -> {
                long t0 = ctx.nanoTime();
                ctx.cpu(5_000);
                return ctx.nanoTime() - t0;
            }).join();
            assertThat(elapsed).isGreaterThan(Duration.ofMillis(2).toNanos());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void safePointsReturnAndTheTaskGoesOn(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            assertThat(s.submit(ctx -> {
                long sum = 0;
                for (int i = 0; i < 100_000; i++) {
                    sum += i;
                    ctx.safePoint();
                }
                return sum;
            }).join()).isEqualTo(99_999L * 100_000 / 2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void blockingCallReturnsItsValueAndPropagatesItsException(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            assertThat(s.submit(ctx -> ctx.blocking(() -> {
                Thread.sleep(5);
                return "done";
            })).join()).isEqualTo("done");
            TaskHandle<Object> failing = s.submit(ctx -> ctx.blocking(() -> {
                throw new IOException("disk on fire");
            }));
            assertThatThrownBy(failing::join).hasCauseInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void tasksSpawnChildrenOnTheSameScheduler(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            List<TaskHandle<Integer>> children = s.submit(ctx -> {
                List<TaskHandle<Integer>> spawned = new ArrayList<>();
                for (int i = 1; i <= 20; i++) {
                    int v = i;
                    spawned.add(ctx.submit(c -> {
                        c.sleep(Duration.ofMillis(1));
                        return v;
                    }));
                }
                return spawned;
            }).join();
            int sum = 0;
            for (TaskHandle<Integer> child : children) {
                sum += child.join();
            }
            assertThat(sum).isEqualTo(210);
            assertThat(s.metrics().longValue("tasksSpawned")).isEqualTo(21);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void aTaskJoinsItsChildren(String spec) throws Exception {
        assumeThat(provider(spec).waitsHoldThreads())
                .as("%s: a parent joining its children holds a pool thread they may need (thread-starvation deadlock)", spec)
                .isFalse();
        try (Scheduler s = create(spec)) {
            int sum = s.submit(ctx -> {
                List<TaskHandle<Integer>> children = new ArrayList<>();
                for (int i = 1; i <= 20; i++) {
                    int v = i;
                    children.add(ctx.submit(c -> {
                        c.sleep(Duration.ofMillis(1));
                        return v;
                    }));
                }
                int total = 0;
                for (TaskHandle<Integer> child : children) {
                    total += child.join();
                }
                return total;
            }).join();
            assertThat(sum).isEqualTo(210);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void tenThousandSleepersWaitAtOnce(String spec) throws Exception {
        assumeThat(provider(spec).waitsHoldThreads())
                .as("%s: a waiting task holds one of a fixed number of threads; overlapping 10,000 waits is not its model", spec)
                .isFalse();
        int n = 10_000;
        try (Scheduler s = create(spec)) {
            AtomicInteger done = new AtomicInteger();
            long t0 = System.nanoTime();
            List<TaskHandle<Void>> handles = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                handles.add(s.spawn(ctx -> {
                    ctx.sleep(Duration.ofMillis(500));
                    done.incrementAndGet();
                }));
            }
            for (TaskHandle<Void> h : handles) {
                h.join();
            }
            long elapsed = System.nanoTime() - t0;
            assertThat(done).hasValue(n);
            // 10,000 × 500 ms one after another would take 83 minutes; at once it takes a little over 500 ms
            assertThat(elapsed).isLessThan(Duration.ofSeconds(30).toNanos());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void loopbackEchoThroughConnectAndListen(String spec) throws Exception {
        assumeThat(provider(spec).waitsHoldThreads())
                .as("%s: the server, each handler and each client wait at once, each holding a pool thread", spec)
                .isFalse();
        int clients = 20;
        int size = 64 * 1024; // bigger than a socket buffer, so reads and writes really wait
        try (Scheduler s = create(spec)) {
            Listener listener = s.submit(ctx -> ctx.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))).join();
            TaskHandle<Void> server = s.spawn(ctx -> {
                for (int i = 0; i < clients; i++) {
                    Conn conn = listener.accept();
                    ctx.spawn(c -> {
                        try (conn) {
                            byte[] buf = new byte[8192];
                            int n;
                            while ((n = conn.read(buf, 0, buf.length)) > 0) {
                                conn.write(buf, 0, n);
                            }
                        }
                    });
                }
            });
            List<TaskHandle<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                byte seed = (byte) i;
                results.add(s.submit(ctx -> {
                    byte[] out = new byte[size];
                    for (int b = 0; b < size; b++) {
                        out[b] = (byte) (seed + b * 31);
                    }
                    byte[] in = new byte[size];
                    try (Conn conn = ctx.connect(listener.address())) {
                        TaskHandle<Void> writer = ctx.spawn(c -> conn.write(out));
                        conn.readFully(in, 0, size);
                        writer.join();
                    }
                    return Arrays.equals(out, in);
                }));
            }
            for (TaskHandle<Boolean> r : results) {
                assertThat(r.join()).isTrue();
            }
            server.join();
            listener.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void nonLoopbackAddressesAreRefused(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            TaskHandle<Conn> h = s.submit(ctx -> ctx.connect(new InetSocketAddress("192.0.2.1", 80)));
            assertThatThrownBy(h::join).hasCauseInstanceOf(IllegalArgumentException.class)
                    .cause().hasMessageContaining("loopback");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void closeWaitsForRunningTasksThenRefusesNewOnes(String spec) throws Exception {
        Scheduler s = create(spec);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean childFinished = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        s.spawn(ctx -> {
            started.countDown();
            ctx.sleep(Duration.ofMillis(100));
            ctx.spawn(c -> {
                c.sleep(Duration.ofMillis(50));
                childFinished.set(true);
            });
            finished.set(true);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        s.close();
        assertThat(finished).as("close() returned before a running task finished").isTrue();
        assertThat(childFinished).as("close() returned before a child spawned during close finished").isTrue();
        assertThatThrownBy(() -> s.spawn(ctx -> { })).isInstanceOf(IllegalStateException.class);
        s.close(); // idempotent
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void cancelStopsATaskAndItsHandleSaysSo(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            CountDownLatch started = new CountDownLatch(1);
            TaskHandle<Void> h = s.spawn(ctx -> {
                started.countDown();
                ctx.sleep(Duration.ofSeconds(60));
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(h.cancel()).isTrue();
            assertThatThrownBy(h::join).isInstanceOf(CancellationException.class);
            assertThat(h.isCancelled()).isTrue();
            assertThat(h.exception()).isInstanceOf(CancellationException.class);
            assertThat(h.cancel()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void metricsAreMonotonicAndCountTasks(String spec) throws Exception {
        try (Scheduler s = create(spec)) {
            SchedulerMetrics before = s.metrics();
            List<TaskHandle<Void>> hs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                hs.add(s.spawn(ctx -> {
                    ctx.sleep(Duration.ofMillis(1));
                    ctx.cpu(10);
                }));
            }
            for (TaskHandle<Void> h : hs) {
                h.join();
            }
            SchedulerMetrics after = s.metrics();
            assertThat(after.scheduler()).isEqualTo(s.name());
            for (SchedulerMetrics.Metric m : after.metrics()) {
                assertThat(m.unit()).as("unit of %s", m.name()).isNotBlank();
                assertThat(m.description()).as("description of %s", m.name()).isNotBlank();
                if (m.kind() == SchedulerMetrics.Kind.COUNTER) {
                    long was = before.get(m.name()).map(b -> b.value().longValue()).orElse(0L);
                    assertThat(m.value().longValue()).as("counter %s went backwards", m.name()).isGreaterThanOrEqualTo(was);
                }
            }
            assertThat(after.longValue("tasksSpawned") - before.longValue("tasksSpawned")).isEqualTo(100);
            // completion is counted just after a task's handle is completed, so give the last one a moment
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (s.metrics().longValue("tasksCompleted") - before.longValue("tasksCompleted") < 100
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(s.metrics().longValue("tasksCompleted") - before.longValue("tasksCompleted")).isEqualTo(100);
            assertThat(after.toMap()).containsKey("tasksSpawned");
        }
    }
}
