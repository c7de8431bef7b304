package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Lock}: mutual exclusion under platform and virtual threads, the word's states, lockAsync, misuse. */
class LockTest {

    private final Int32Array ia = new Int32Array(new SharedArrayBuffer(16));

    /** A plain (non-atomic) counter guarded by the lock comes out exact, and the word ends at 0. */
    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void mutualExclusion(ThreadKind threads) throws Exception {
        Lock lock = new Lock(ia, 0);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        threads.runTogether(6, id -> {
            for (int i = 0; i < 5_000; i++) {
                lock.lock();
                try {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    ia.set(1, ia.get(1) + 1);
                    if (i % 100 == 0) {
                        Thread.yield(); // hold the lock across a reschedule now and then: real contention
                    }
                    inside.decrementAndGet();
                } finally {
                    lock.unlock();
                }
            }
        });
        assertThat(ia.get(1)).isEqualTo(30_000);
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(Atomics.load(ia, 0)).as("lock word when free").isZero();
    }

    @Test
    void wordStates() throws Exception {
        Lock lock = new Lock(ia, 0);
        lock.lock();
        assertThat(Atomics.load(ia, 0)).isEqualTo(1);
        Thread waiter = Thread.ofPlatform().start(() -> {
            lock.lock();
            lock.unlock();
        });
        Waiting.untilParked(waiter);
        assertThat(Atomics.load(ia, 0)).as("locked, possible waiters").isEqualTo(2);
        lock.unlock();
        waiter.join();
        assertThat(Atomics.load(ia, 0)).isZero();
    }

    @Test
    void tryLock() {
        Lock lock = new Lock(ia, 0);
        assertThat(lock.tryLock()).isTrue();
        assertThat(lock.tryLock()).isFalse();
        lock.unlock();
        assertThat(lock.tryLock()).isTrue();
        lock.unlock();
    }

    @Test
    void twoLockObjectsOverOneElementAreOneLock() {
        Lock a = new Lock(ia, 2);
        Lock b = new Lock(new Int32Array(ia.buffer()), 2);
        a.lock();
        assertThat(b.tryLock()).isFalse();
        b.unlock(); // no owner, as in lock.js
        assertThat(a.tryLock()).isTrue();
        a.unlock();
    }

    @Test
    void unlockingAFreeLock_throwsAndLeavesTheWordZero() {
        Lock lock = new Lock(ia, 0);
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalStateException.class).hasMessageContaining("not held");
        assertThat(Atomics.load(ia, 0)).isZero();
        assertThat(lock.tryLock()).isTrue();
        lock.unlock();
    }

    /** As lock.js on a browser's main thread: a free lock is taken; waiting for a held one is refused. */
    @Test
    void agentThatMayNotBlock_isRefusedWhenItWouldWait_butMayLockAsync() throws Exception {
        Lock lock = new Lock(ia, 0);
        Agent.nonBlocking("loop").runAs(() -> {
            lock.lock();
            assertThat(Atomics.load(ia, 0)).isEqualTo(1);
            assertThatThrownBy(lock::lock).isInstanceOf(IllegalStateException.class).hasMessageContaining("lockAsync");
            assertThat(Atomics.load(ia, 0)).as("the refused lock left the word alone").isEqualTo(1);
            lock.unlock();
            assertThat(lock.lockAsync().toCompletableFuture()).isCompleted();
            lock.unlock();
        });
        assertThat(Atomics.load(ia, 0)).isZero();
    }

    @Test
    void lockAsync_completesWhenTheHolderUnlocks() throws Exception {
        Lock lock = new Lock(ia, 0);
        lock.lock();
        CompletableFuture<Void> first = lock.lockAsync().toCompletableFuture();
        CompletableFuture<Void> second = lock.lockAsync().toCompletableFuture();
        assertThat(first).isNotDone();
        assertThat(Atomics.load(ia, 0)).isEqualTo(2);
        lock.unlock();
        assertThat(first).as("completed inside unlock, on this thread").isDone();
        assertThat(second).isNotDone();
        lock.unlock(); // first's turn is over
        second.get(30, TimeUnit.SECONDS);
        lock.unlock();
        assertThat(Atomics.load(ia, 0)).isZero();
    }

    /**
     * Blocking and asynchronous acquirers mixed: still mutual exclusion, still exact. The async
     * side runs as an event loop would: on one thread whose agent may not block, resuming each
     * continuation there with {@code thenRunAsync(..., loop)}.
     */
    @Test
    void lockAsyncAndLockTogether() throws Exception {
        Lock lock = new Lock(ia, 0);
        int rounds = 2_000;
        Agent loopAgent = Agent.nonBlocking("loop");
        ExecutorService loop = Executors.newSingleThreadExecutor(
                body -> Thread.ofPlatform().unstarted(() -> loopAgent.runAs(body)));
        try {
            CompletableFuture<Void> asyncSide = new CompletableFuture<>();
            int[] done = {0};
            Runnable[] step = new Runnable[1];
            step[0] = () -> lock.lockAsync().thenRunAsync(() -> {
                assertThat(Agent.current()).isSameAs(loopAgent);
                ia.set(1, ia.get(1) + 1);
                lock.unlock();
                if (++done[0] == rounds) {
                    asyncSide.complete(null);
                } else {
                    step[0].run();
                }
            }, loop).exceptionally(failure -> {
                asyncSide.completeExceptionally(failure);
                return null;
            });
            Thread blocking = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < rounds; i++) {
                    lock.lock();
                    ia.set(1, ia.get(1) + 1);
                    lock.unlock();
                }
            });
            loop.execute(step[0]);
            blocking.join();
            asyncSide.get(30, TimeUnit.SECONDS);
            assertThat(ia.get(1)).isEqualTo(2 * rounds);
            assertThat(Atomics.load(ia, 0)).isZero();
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void badConstruction() {
        assertThatThrownBy(() -> new Lock(new Int32Array(4), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Lock(ia, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Lock(ia, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
