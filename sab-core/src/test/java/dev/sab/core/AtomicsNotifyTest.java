package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mirrors test262's {@code test/built-ins/Atomics/notify}: notify-in-order, notify-one, notify-two,
 * notify-all, notify-zero, negative-count, notify-renotify-noop, notify-with-no-agents-waiting,
 * notify-with-no-matching-agents-waiting, notify-all-on-loc, non-shared-bufferdata-returns-0,
 * bad-range, and the bigint/ variants.
 */
class AtomicsNotifyTest {

    private final Int32Array i32a = new Int32Array(new SharedArrayBuffer(64));

    /** Starts {@code n} waiters on element {@code index}, one at a time, each parked before the next starts. */
    private List<Thread> waiters(int n, int index, BlockingQueue<Integer> wakeOrder, boolean virtual) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            Runnable body = () -> {
                WaitResult result = Atomics.wait(i32a, index, 0);
                if (result == WaitResult.OK) {
                    wakeOrder.add(id);
                }
            };
            Thread t = virtual ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body);
            Waiting.untilParked(t);
            threads.add(t);
        }
        return threads;
    }

    /** notify-in-order.js: waiters wake in the order they began to wait. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void notifyInOrder(boolean virtual) throws Exception {
        BlockingQueue<Integer> order = new LinkedBlockingQueue<>();
        List<Thread> threads = waiters(5, 0, order, virtual);
        for (int i = 0; i < 5; i++) {
            assertThat(Atomics.notify(i32a, 0, 1)).isEqualTo(1);
            assertThat(order.poll(30, TimeUnit.SECONDS)).as("waiter woken by notify #%d", i).isEqualTo(i);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** notify-one.js, notify-two.js, notify-all.js: the count bounds the wakes; the return says how many. */
    @Test
    void notifyCounts() throws Exception {
        BlockingQueue<Integer> order = new LinkedBlockingQueue<>();
        List<Thread> threads = waiters(5, 0, order, false);
        assertThat(Atomics.notify(i32a, 0, 1)).isEqualTo(1);
        assertThat(order.poll(30, TimeUnit.SECONDS)).isEqualTo(0);
        assertThat(Atomics.notify(i32a, 0, 2)).isEqualTo(2);
        assertThat(List.of(order.poll(30, TimeUnit.SECONDS), order.poll(30, TimeUnit.SECONDS)))
                .as("the two oldest; they race each other after waking").containsExactlyInAnyOrder(1, 2);
        assertThat(Atomics.notify(i32a, 0)).as("all the rest").isEqualTo(2);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(order).containsExactlyInAnyOrder(3, 4);
        assertThat(Atomics.notify(i32a, 0)).as("notify-renotify-noop").isZero();
    }

    /** notify-zero.js and negative-count.js: a count of 0 or less wakes none, and the waiters stay. */
    @Test
    void zeroOrNegativeCount_wakesNone() throws Exception {
        BlockingQueue<Integer> order = new LinkedBlockingQueue<>();
        List<Thread> threads = waiters(2, 0, order, false);
        assertThat(Atomics.notify(i32a, 0, 0)).isZero();
        assertThat(Atomics.notify(i32a, 0, -1)).isZero();
        assertThat(Atomics.notify(i32a, 0, Integer.MIN_VALUE)).isZero();
        assertThat(order).isEmpty();
        assertThat(Atomics.notify(i32a, 0)).isEqualTo(2);
        for (Thread t : threads) {
            t.join();
        }
    }

    /** notify-with-no-agents-waiting.js, notify-with-no-matching-agents-waiting.js, notify-all-on-loc.js */
    @Test
    void onlyTheLocationsWaitersWake() throws Exception {
        assertThat(Atomics.notify(i32a, 0)).isZero();
        BlockingQueue<Integer> atZero = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> atOne = new LinkedBlockingQueue<>();
        List<Thread> zero = waiters(2, 0, atZero, false);
        List<Thread> one = waiters(2, 1, atOne, false);
        assertThat(Atomics.notify(i32a, 2)).isZero();
        assertThat(Atomics.notify(i32a, 1)).isEqualTo(2);
        for (Thread t : one) {
            t.join();
        }
        assertThat(atZero).isEmpty();
        assertThat(Atomics.notify(i32a, 0)).isEqualTo(2);
        for (Thread t : zero) {
            t.join();
        }
    }

    /** The waiter list is per byte index: an Int32 notify reaches a BigInt64 waiter at the same address. */
    @Test
    void listIsPerByteIndex_acrossViewKinds() throws Exception {
        SharedArrayBuffer sab = new SharedArrayBuffer(16);
        BigInt64Array wide = new BigInt64Array(sab);
        Int32Array narrow = new Int32Array(sab);
        Thread waiter = Thread.ofPlatform().start(() -> Atomics.wait(wide, 1, 0));
        Waiting.untilParked(waiter);
        assertThat(Atomics.notify(narrow, 3)).as("byte 12 is not byte 8").isZero();
        assertThat(Atomics.notify(narrow, 2)).isEqualTo(1);
        waiter.join();
    }

    /** Synchronous and asynchronous waiters share one first-in-first-out list. */
    @Test
    void syncAndAsyncWaitersShareOneFifo() throws Exception {
        BlockingQueue<String> order = new LinkedBlockingQueue<>();
        Thread first = Thread.ofPlatform().start(() -> {
            Atomics.wait(i32a, 0, 0);
            order.add("sync-1");
        });
        Waiting.untilParked(first);
        CompletionStage<WaitResult> second = Atomics.waitAsync(i32a, 0, 0).promise();
        second.thenRun(() -> order.add("async-2"));
        Thread third = Thread.ofPlatform().start(() -> {
            Atomics.wait(i32a, 0, 0);
            order.add("sync-3");
        });
        Waiting.untilParked(third);
        assertThat(Atomics.notify(i32a, 0, 1)).isEqualTo(1);
        assertThat(order.poll(30, TimeUnit.SECONDS)).isEqualTo("sync-1");
        assertThat(Atomics.notify(i32a, 0, 1)).isEqualTo(1);
        assertThat(order.poll(30, TimeUnit.SECONDS)).isEqualTo("async-2");
        assertThat(Atomics.notify(i32a, 0, 1)).isEqualTo(1);
        assertThat(order.poll(30, TimeUnit.SECONDS)).isEqualTo("sync-3");
        first.join();
        third.join();
    }

    /** non-shared-bufferdata-returns-0.js, and bad-range on non-shared buffers still throws. */
    @Test
    void nonSharedBuffer_returnsZero() {
        Int32Array local = new Int32Array(4);
        assertThat(Atomics.notify(local, 0)).isZero();
        assertThat(Atomics.notify(local, 0, 1)).isZero();
        assertThat(Atomics.notify(new BigInt64Array(4), 3)).isZero();
        assertThatThrownBy(() -> Atomics.notify(local, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void badRange_isIndexOutOfBounds() {
        for (int index : new int[] {-1, 16, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> Atomics.notify(i32a, index))
                    .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining(String.valueOf(index));
        }
        assertThatThrownBy(() -> Atomics.notify(new BigInt64Array(new SharedArrayBuffer(8)), 1, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** Notify works from an agent that may not block: it never blocks. */
    @Test
    void notifyFromANonBlockingAgent() throws Exception {
        Thread waiter = Thread.ofPlatform().start(() -> Atomics.wait(i32a, 5, 0));
        Waiting.untilParked(waiter);
        int[] woken = new int[1];
        Agent.nonBlocking("loop").runAs(() -> woken[0] = Atomics.notify(i32a, 5));
        assertThat(woken[0]).isEqualTo(1);
        waiter.join();
    }
}
