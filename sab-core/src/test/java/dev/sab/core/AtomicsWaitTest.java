package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mirrors test262's {@code test/built-ins/Atomics/wait}: value-not-equal, negative-timeout,
 * nan-for-timeout, was-woken-before-timeout, no-spurious-wakeup-on-*, non-shared-bufferdata-throws,
 * bad-range, the agent check, and the bigint/ variants. Timing checks are lower bounds only.
 */
class AtomicsWaitTest {

    private final Int32Array i32a = new Int32Array(new SharedArrayBuffer(16));
    private final BigInt64Array i64a = new BigInt64Array(new SharedArrayBuffer(16));

    @Test
    void valueNotEqual() {
        Atomics.store(i32a, 0, 42);
        assertThat(Atomics.wait(i32a, 0, 0)).isEqualTo(WaitResult.NOT_EQUAL);
        assertThat(Atomics.wait(i32a, 0, 0, 0)).isEqualTo(WaitResult.NOT_EQUAL);
        assertThat(Atomics.wait(i64a, 0, 1)).isEqualTo(WaitResult.NOT_EQUAL);
    }

    @Test
    void zeroAndNegativeTimeouts_timeOutAtOnce() {
        assertThat(Atomics.wait(i32a, 0, 0, 0)).isEqualTo(WaitResult.TIMED_OUT);
        assertThat(Atomics.wait(i32a, 0, 0, -5)).isEqualTo(WaitResult.TIMED_OUT);
        assertThat(Atomics.wait(i32a, 0, 0, Double.NEGATIVE_INFINITY)).isEqualTo(WaitResult.TIMED_OUT);
        assertThat(Atomics.wait(i64a, 0, 0, -5)).isEqualTo(WaitResult.TIMED_OUT);
    }

    @Test
    void timesOutAfterTheTimeout() {
        long start = System.nanoTime();
        assertThat(Atomics.wait(i32a, 0, 0, 20)).isEqualTo(WaitResult.TIMED_OUT);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(20_000_000L);
        start = System.nanoTime();
        assertThat(Atomics.wait(i64a, 1, 0, 20)).isEqualTo(WaitResult.TIMED_OUT);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(20_000_000L);
    }

    /** was-woken-before-timeout.js, and nan-for-timeout.js: NaN waits until notified. */
    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, 600_000})
    void wokenByNotify(double timeout) throws Exception {
        AtomicReference<WaitResult> result = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> result.set(Atomics.wait(i32a, 0, 0, timeout)));
        Waiting.untilParked(waiter);
        assertThat(Atomics.notify(i32a, 0)).isEqualTo(1);
        waiter.join();
        assertThat(result.get()).isEqualTo(WaitResult.OK);
    }

    @Test
    void bigInt64_wokenByNotify() throws Exception {
        Atomics.store(i64a, 1, 1L << 40);
        AtomicReference<WaitResult> result = new AtomicReference<>();
        Thread waiter = Thread.ofVirtual().start(() -> result.set(Atomics.wait(i64a, 1, 1L << 40)));
        Waiting.untilParked(waiter);
        assertThat(Atomics.notify(i64a, 1, 1)).isEqualTo(1);
        waiter.join();
        assertThat(result.get()).isEqualTo(WaitResult.OK);
    }

    /** A 64-bit wait compares all 64 bits: equal low halves are not enough. */
    @Test
    void bigInt64_comparesAllBits() {
        Atomics.store(i64a, 0, 1L << 40);
        assertThat(Atomics.wait(i64a, 0, 0, 0)).isEqualTo(WaitResult.NOT_EQUAL);
    }

    /**
     * no-spurious-wakeup-on-{add,sub,and,or,xor,exchange,compareExchange,store}.js: one waiter per
     * operation, each on its own element; the writes change the elements without a notify, and
     * every waiter times out.
     */
    @Test
    void noSpuriousWakeup_onWritesWithoutNotify() throws Exception {
        List<Consumer<Int32Array>> writes = List.of(
                a -> Atomics.add(a, 0, 1), a -> Atomics.sub(a, 1, 1), a -> Atomics.and(a, 2, 0),
                a -> Atomics.or(a, 3, 1), a -> Atomics.xor(a, 4, 1), a -> Atomics.exchange(a, 5, 1),
                a -> Atomics.compareExchange(a, 6, 7, 1), a -> Atomics.store(a, 7, 1));
        Int32Array ia = new Int32Array(new SharedArrayBuffer(4 * writes.size()));
        for (int i = 0; i < writes.size(); i++) {
            ia.set(i, i == 2 || i == 6 ? 7 : 0);
        }
        List<AtomicReference<WaitResult>> results = new ArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            int index = i;
            int expected = (int) ia.get(i);
            AtomicReference<WaitResult> result = new AtomicReference<>();
            results.add(result);
            waiters.add(Thread.ofPlatform().start(() -> result.set(Atomics.wait(ia, index, expected, 200))));
        }
        for (Thread waiter : waiters) {
            Waiting.untilParkedOrEnded(waiter); // ended: timed out already on a very slow machine
        }
        for (Consumer<Int32Array> write : writes) {
            write.accept(ia);
        }
        for (int i = 0; i < writes.size(); i++) {
            waiters.get(i).join();
            assertThat(results.get(i).get()).as("waiter %d", i).isEqualTo(WaitResult.TIMED_OUT);
        }
    }

    /** non-shared-bufferdata-throws.js: a TypeError. */
    @Test
    void nonSharedBuffer_isIllegalArgument() {
        assertThatThrownBy(() -> Atomics.wait(new Int32Array(4), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SharedArrayBuffer");
        assertThatThrownBy(() -> Atomics.wait(new BigInt64Array(4), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** bad-range.js, negative-index-throws.js, out-of-range-index-throws.js */
    @Test
    void badRange_isIndexOutOfBounds() {
        for (int index : new int[] {-1, 4, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> Atomics.wait(i32a, index, 0, 0))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining(String.valueOf(index)).hasMessageContaining("4");
        }
        assertThatThrownBy(() -> Atomics.wait(i64a, 2, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** The agent check comes after validation and before the comparison: not-equal still throws. */
    @Test
    void agentThatMayNotBlock_isRefused_evenWhenNotEqual() {
        Atomics.store(i32a, 0, 1);
        Agent.nonBlocking("main").runAs(() -> {
            assertThatThrownBy(() -> Atomics.wait(i32a, 0, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("waitAsync");
            assertThatThrownBy(() -> Atomics.wait(i64a, 0, 0, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("waitAsync");
            assertThatThrownBy(() -> Atomics.wait(i32a, 9, 0))
                    .as("validation first").isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(Atomics.waitAsync(i32a, 0, 0).value()).isEqualTo(WaitResult.NOT_EQUAL);
        });
        assertThat(Atomics.wait(i32a, 0, 0)).isEqualTo(WaitResult.NOT_EQUAL);
    }

    /** JavaScript agents cannot be interrupted: the wait goes on and the interrupt is kept. */
    @Test
    void interruptDoesNotEndTheWait_andIsKept() throws Exception {
        AtomicReference<WaitResult> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            result.set(Atomics.wait(i32a, 2, 0));
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        Waiting.untilParked(waiter);
        waiter.interrupt();
        Thread.sleep(20);
        Waiting.untilParked(waiter);
        assertThat(waiter.isAlive()).isTrue();
        assertThat(Atomics.notify(i32a, 2)).isEqualTo(1);
        waiter.join();
        assertThat(result.get()).isEqualTo(WaitResult.OK);
        assertThat(interruptedAfter.get()).isTrue();
    }

    @Test
    void timeoutConversion() {
        assertThat(Atomics.timeoutNanos(Double.NaN)).isEqualTo(Long.MAX_VALUE);
        assertThat(Atomics.timeoutNanos(Double.POSITIVE_INFINITY)).isEqualTo(Long.MAX_VALUE);
        assertThat(Atomics.timeoutNanos(1e300)).isEqualTo(Long.MAX_VALUE);
        assertThat(Atomics.timeoutNanos(-0.0)).isZero();
        assertThat(Atomics.timeoutNanos(-1)).isZero();
        assertThat(Atomics.timeoutNanos(1e-9)).as("a positive timeout waits").isEqualTo(1);
        assertThat(Atomics.timeoutNanos(1.5)).isEqualTo(1_500_000);
    }
}
