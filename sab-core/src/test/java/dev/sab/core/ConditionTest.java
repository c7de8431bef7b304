package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** {@link Condition} with {@link Lock}: a bounded buffer in shared memory, under platform and virtual threads. */
class ConditionTest {

    // Layout of the bounded buffer: lock, notEmpty, notFull, count, head, tail, then CAPACITY slots.
    private static final int LOCK = 0;
    private static final int NOT_EMPTY = 1;
    private static final int NOT_FULL = 2;
    private static final int COUNT = 3;
    private static final int HEAD = 4;
    private static final int TAIL = 5;
    private static final int SLOTS = 6;
    private static final int CAPACITY = 4;

    private final Int32Array ia = new Int32Array(new SharedArrayBuffer(4 * (SLOTS + CAPACITY)));
    private final Lock lock = new Lock(ia, LOCK);
    private final Condition notEmpty = new Condition(ia, NOT_EMPTY);
    private final Condition notFull = new Condition(ia, NOT_FULL);

    private void put(int value) {
        lock.lock();
        try {
            while (ia.get(COUNT) == CAPACITY) {
                notFull.await(lock);
            }
            int tail = (int) ia.get(TAIL);
            ia.set(SLOTS + tail, value);
            ia.set(TAIL, (tail + 1) % CAPACITY);
            ia.set(COUNT, ia.get(COUNT) + 1);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    private int take() {
        lock.lock();
        try {
            while (ia.get(COUNT) == 0) {
                notEmpty.await(lock);
            }
            int head = (int) ia.get(HEAD);
            int value = (int) ia.get(SLOTS + head);
            ia.set(HEAD, (head + 1) % CAPACITY);
            ia.set(COUNT, ia.get(COUNT) - 1);
            notFull.signal();
            return value;
        } finally {
            lock.unlock();
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void boundedBuffer_everyItemArrivesOnce(ThreadKind threads) throws Exception {
        int producers = 3;
        int perProducer = 3_000;
        AtomicLong sum = new AtomicLong();
        threads.runTogether(2 * producers, id -> {
            if (id < producers) {
                for (int i = 1; i <= perProducer; i++) {
                    put(i);
                }
            } else {
                for (int i = 0; i < perProducer; i++) {
                    sum.addAndGet(take());
                }
            }
        });
        assertThat(sum.get()).isEqualTo((long) producers * perProducer * (perProducer + 1) / 2);
        assertThat(ia.get(COUNT)).isZero();
        assertThat(Atomics.load(ia, LOCK)).isZero();
    }

    @Test
    void awaitWithTimeout_returnsFalseAndHoldsTheLockAgain() {
        lock.lock();
        assertThat(notEmpty.await(lock, 10)).isFalse();
        assertThat(lock.tryLock()).as("held by us again").isFalse();
        lock.unlock();
    }

    @Test
    void signalAll_wakesEveryWaiter() throws Exception {
        Thread[] waiters = new Thread[3];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = Thread.ofPlatform().start(() -> {
                lock.lock();
                notEmpty.await(lock);
                lock.unlock();
            });
            Waiting.untilParked(waiters[i]);
        }
        lock.lock();
        notEmpty.signalAll();
        lock.unlock();
        for (Thread t : waiters) {
            t.join();
        }
        assertThat(Atomics.load(ia, LOCK)).isZero();
    }

    @Test
    void awaitAsync_forAnAgentThatMayNotBlock() throws Exception {
        CompletableFuture<Void>[] resumed = new CompletableFuture[1];
        Agent.nonBlocking("loop").runAs(() -> {
            assertThat(lock.lockAsync().toCompletableFuture()).isDone();
            assertThatThrownBy(() -> notEmpty.await(lock)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("awaitAsync");
            resumed[0] = notEmpty.awaitAsync(lock).toCompletableFuture();
        });
        assertThat(resumed[0]).isNotDone();
        lock.lock(); // awaitAsync released it
        notEmpty.signal();
        lock.unlock();
        resumed[0].get(30, TimeUnit.SECONDS);
        assertThat(lock.tryLock()).as("the async waiter holds the lock again").isFalse();
        lock.unlock();
    }
}
