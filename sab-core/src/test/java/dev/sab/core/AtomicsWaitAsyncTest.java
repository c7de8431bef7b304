package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Mirrors test262's {@code test/built-ins/Atomics/waitAsync}: returns-result-object-value-is-string-
 * not-equal / timed-out, returns-result-object-value-is-promise-resolves-to-ok / timed-out,
 * negative-timeout, nan-for-timeout, no-spurious-wakeup-*, non-shared-bufferdata-throws,
 * bad-range, the bigint/ variants; and which thread completes the promise.
 */
class AtomicsWaitAsyncTest {

    private final Int32Array i32a = new Int32Array(new SharedArrayBuffer(16));
    private final BigInt64Array i64a = new BigInt64Array(new SharedArrayBuffer(16));

    @Test
    void notEqual_isImmediate() {
        Atomics.store(i32a, 0, 1);
        WaitAsyncResult r = Atomics.waitAsync(i32a, 0, 0);
        assertThat(r.async()).isFalse();
        assertThat(r.value()).isEqualTo(WaitResult.NOT_EQUAL);
        assertThat(r.promise().toCompletableFuture().getNow(null)).isEqualTo(WaitResult.NOT_EQUAL);
        assertThat(Atomics.waitAsync(i64a, 0, 5, 1000).value()).isEqualTo(WaitResult.NOT_EQUAL);
    }

    @Test
    void zeroOrNegativeTimeout_isImmediatelyTimedOut() {
        for (double timeout : new double[] {0, -0.0, -5, Double.NEGATIVE_INFINITY}) {
            WaitAsyncResult r = Atomics.waitAsync(i32a, 0, 0, timeout);
            assertThat(r.async()).isFalse();
            assertThat(r.value()).isEqualTo(WaitResult.TIMED_OUT);
        }
        assertThat(Atomics.waitAsync(i64a, 0, 0, -1).value()).isEqualTo(WaitResult.TIMED_OUT);
    }

    @Test
    void promiseResolvesToTimedOut_onTheTimeoutThread() throws Exception {
        long start = System.nanoTime();
        WaitAsyncResult r = Atomics.waitAsync(i32a, 0, 0, 20);
        assertThat(r.async()).isTrue();
        assertThat(r.value()).isNull();
        AtomicReference<String> thread = new AtomicReference<>();
        CompletableFuture<WaitResult> done = r.promise()
                .thenApply(v -> {
                    thread.set(Thread.currentThread().getName());
                    return v;
                }).toCompletableFuture();
        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(WaitResult.TIMED_OUT);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(20_000_000L);
        assertThat(thread.get()).isEqualTo("sab-atomics-timeouts");
    }

    @Test
    void promiseResolvesToOk_onTheNotifyingThread() throws Exception {
        WaitAsyncResult r = Atomics.waitAsync(i32a, 1, 0, Double.NaN);
        assertThat(r.async()).isTrue();
        AtomicReference<Thread> thread = new AtomicReference<>();
        CompletableFuture<WaitResult> done = r.promise()
                .thenApply(v -> {
                    thread.set(Thread.currentThread());
                    return v;
                }).toCompletableFuture();
        assertThat(done).isNotDone();
        assertThat(Atomics.notify(i32a, 1)).isEqualTo(1);
        assertThat(done).as("completed before notify returned").isDone();
        assertThat(done.get()).isEqualTo(WaitResult.OK);
        assertThat(thread.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void bigInt64_promiseResolvesToOk() throws Exception {
        WaitAsyncResult r = Atomics.waitAsync(i64a, 1, 0, 600_000);
        assertThat(Atomics.notify(i64a, 1, 1)).isEqualTo(1);
        assertThat(r.promise().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(WaitResult.OK);
    }

    /**
     * A notified waiter does not also time out: the promise holds OK after the timeout has passed,
     * and a second notify finds nobody. On a loaded machine the timeout can win the race against
     * the first notify; such a try proves nothing and is repeated.
     */
    @Test
    void notifiedBeforeTimeout_staysOk() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            WaitAsyncResult r = Atomics.waitAsync(i32a, 2, 0, 50);
            if (Atomics.notify(i32a, 2) == 0) {
                assertThat(r.promise().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(WaitResult.TIMED_OUT);
                continue;
            }
            Thread.sleep(100);
            assertThat(r.promise().toCompletableFuture().get()).isEqualTo(WaitResult.OK);
            assertThat(Atomics.notify(i32a, 2)).isZero();
            return;
        }
        throw new AssertionError("the 50 ms timeout beat the notify 20 times in a row");
    }

    /** no-spurious-wakeup-on-store.js and kin: writes without a notify do not resolve the promise. */
    @Test
    void noSpuriousWakeup() throws Exception {
        WaitAsyncResult r = Atomics.waitAsync(i32a, 0, 0, 30);
        Atomics.store(i32a, 0, 1);
        Atomics.add(i32a, 0, 1);
        Atomics.compareExchange(i32a, 0, 2, 0);
        assertThat(r.promise().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(WaitResult.TIMED_OUT);
    }

    @Test
    void allowedForAnAgentThatMayNotBlock() throws Exception {
        AtomicReference<WaitAsyncResult> r = new AtomicReference<>();
        Agent.nonBlocking("loop").runAs(() -> r.set(Atomics.waitAsync(i32a, 3, 0)));
        assertThat(r.get().async()).isTrue();
        assertThat(Atomics.notify(i32a, 3)).isEqualTo(1);
        assertThat(r.get().promise().toCompletableFuture().get()).isEqualTo(WaitResult.OK);
    }

    @Test
    void nonSharedBuffer_andBadRange() {
        assertThatThrownBy(() -> Atomics.waitAsync(new Int32Array(4), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Atomics.waitAsync(new BigInt64Array(4), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Atomics.waitAsync(i32a, 4, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Atomics.waitAsync(i64a, -1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** The promise is read-only: completing a copy of it does not end the wait. */
    @Test
    void completingACopyDoesNotEndTheWait() throws Exception {
        WaitAsyncResult r = Atomics.waitAsync(i32a, 0, 0);
        r.promise().toCompletableFuture().complete(WaitResult.TIMED_OUT);
        assertThat(Atomics.notify(i32a, 0)).isEqualTo(1);
        assertThat(r.promise().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(WaitResult.OK);
    }

    @Test
    void resultShapeIsChecked() {
        assertThatThrownBy(() -> new WaitAsyncResult(true, WaitResult.OK, CompletableFuture.completedStage(WaitResult.OK)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaitAsyncResult(false, null, CompletableFuture.completedStage(WaitResult.OK)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
