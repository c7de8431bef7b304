package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Semaphore} and {@link Latch} under platform and virtual threads, their async forms and misuse. */
class SemaphoreAndLatchTest {

    private final Int32Array ia = new Int32Array(new SharedArrayBuffer(16));

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void semaphore_boundsConcurrency(ThreadKind threads) throws Exception {
        Semaphore.initialize(ia, 0, 2);
        Semaphore permits = new Semaphore(ia, 0);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        threads.runTogether(6, id -> {
            for (int i = 0; i < 2_000; i++) {
                permits.acquire();
                try {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    entries.incrementAndGet();
                    if (i % 50 == 0) {
                        Thread.yield();
                    }
                    inside.decrementAndGet();
                } finally {
                    permits.release();
                }
            }
        });
        assertThat(entries.get()).isEqualTo(12_000);
        assertThat(maxInside.get()).isBetween(1, 2);
        assertThat(permits.availablePermits()).isEqualTo(2);
    }

    @Test
    void semaphore_tryAcquire_timeout_async() throws Exception {
        Semaphore.initialize(ia, 0, 1);
        Semaphore permits = new Semaphore(ia, 0);
        assertThat(permits.tryAcquire()).isTrue();
        assertThat(permits.tryAcquire()).isFalse();
        assertThat(permits.tryAcquire(10)).isFalse();
        CompletableFuture<Void> async = permits.acquireAsync().toCompletableFuture();
        assertThat(async).isNotDone();
        permits.release();
        async.get(30, TimeUnit.SECONDS);
        assertThat(permits.availablePermits()).isZero();
        permits.release(3);
        assertThat(permits.availablePermits()).isEqualTo(3);
        assertThatThrownBy(() -> permits.release(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Semaphore.initialize(ia, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        Agent.nonBlocking("loop").runAs(() -> {
            permits.acquire(); // a permit is there: no waiting, so no refusal
            Semaphore.initialize(ia, 0, 0);
            assertThatThrownBy(permits::acquire).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("acquireAsync");
        });
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void latch_releasesAllWaitersAtZero(ThreadKind threads) throws Exception {
        Latch.initialize(ia, 1, 3);
        Latch latch = new Latch(ia, 1);
        AtomicInteger passed = new AtomicInteger();
        Thread[] waiters = new Thread[4];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = threads.start(() -> {
                latch.await();
                passed.incrementAndGet();
            });
        }
        for (Thread t : waiters) {
            Waiting.untilParked(t);
        }
        latch.countDown();
        latch.countDown();
        assertThat(passed.get()).isZero();
        assertThat(latch.count()).isEqualTo(1);
        latch.countDown();
        for (Thread t : waiters) {
            t.join();
        }
        assertThat(passed.get()).isEqualTo(4);
        latch.countDown();
        assertThat(latch.count()).as("never below 0").isZero();
        latch.await();
    }

    @Test
    void latch_timeout_async_agent() throws Exception {
        Latch.initialize(ia, 1, 1);
        Latch latch = new Latch(ia, 1);
        assertThat(latch.await(10)).isFalse();
        CompletableFuture<Void> open = latch.awaitAsync().toCompletableFuture();
        assertThat(open).isNotDone();
        Agent.nonBlocking("loop").runAs(() ->
                assertThatThrownBy(latch::await).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("awaitAsync"));
        latch.countDown();
        assertThat(open).as("completed inside the last countDown").isDone();
        assertThat(latch.awaitAsync().toCompletableFuture()).isDone();
        assertThat(latch.await(0)).isTrue();
    }

    /** Many threads counting down at once: exactly one decrement reaches 0, and every waiter passes. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void latch_concurrentCountDowns(ThreadKind threads) throws Exception {
        Latch.initialize(ia, 2, 1_000);
        Latch latch = new Latch(ia, 2);
        threads.runTogether(5, id -> {
            if (id == 0) {
                latch.await();
            } else {
                for (int i = 0; i < 250; i++) {
                    latch.countDown();
                }
            }
        });
        assertThat(latch.count()).isZero();
    }
}
