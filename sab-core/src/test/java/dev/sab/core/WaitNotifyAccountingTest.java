package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sab.core.internal.InProcessWaits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Wait, waitAsync, notify and timeouts racing on a few addresses, under platform and virtual
 * threads: every waiter that returns OK was counted by exactly one notify (nothing lost, nothing
 * invented), and once everyone is done no waiter list is left behind.
 */
class WaitNotifyAccountingTest {

    private static final int WAITS_PER_THREAD = 400;

    @Test
    void everyOkIsOneNotify_andNoListOutlivesItsWaiters() throws Exception {
        raceWaitsAndNotifies(3);
    }

    /**
     * The same race over more indices than the table keeps empty lists for, so emptied lists are
     * retired and replaced all the time, and several indices share each slot of the cache of
     * recent lists: a notify must never stop at a retired list whose index has a newer one.
     */
    @Test
    void everyOkIsOneNotify_whileListsAreRetiredAndReplaced() throws Exception {
        raceWaitsAndNotifies(InProcessWaits.KEPT_EMPTY_LISTS + 4 * InProcessWaits.RECENT_LISTS);
    }

    private static void raceWaitsAndNotifies(int addresses) throws Exception {
        SharedArrayBuffer sab = new SharedArrayBuffer(4 * addresses);
        Int32Array ia = new Int32Array(sab);
        AtomicLong oks = new AtomicLong();
        AtomicLong woken = new AtomicLong();
        AtomicInteger waitersRunning = new AtomicInteger();
        List<Thread> waiters = new ArrayList<>();
        List<CompletableFuture<WaitResult>> asyncResults = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 6; t++) {
            boolean virtual = t % 2 == 0;
            boolean async = t % 3 == 2;
            waitersRunning.incrementAndGet();
            Runnable body = () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < WAITS_PER_THREAD; i++) {
                    int index = random.nextInt(addresses);
                    double timeout = random.nextInt(4) == 0 ? 0 : random.nextDouble(0.01, 2);
                    if (async) {
                        WaitAsyncResult r = Atomics.waitAsync(ia, index, 0, timeout);
                        asyncResults.add(r.promise().toCompletableFuture());
                    } else if (Atomics.wait(ia, index, 0, timeout) == WaitResult.OK) {
                        oks.incrementAndGet();
                    }
                }
                waitersRunning.decrementAndGet();
            };
            waiters.add(virtual ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body));
        }
        Thread notifier = Thread.ofPlatform().start(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (waitersRunning.get() > 0) {
                // a few indices at random, then a sweep of all of them, so that waits on any of
                // many indices are notified before they time out
                for (int k = 0; k < 4; k++) {
                    woken.addAndGet(Atomics.notify(ia, random.nextInt(addresses), random.nextInt(-1, 3)));
                }
                for (int index = 0; index < addresses; index++) {
                    woken.addAndGet(Atomics.notify(ia, index, 1));
                }
                Thread.onSpinWait();
            }
        });
        for (Thread t : waiters) {
            t.join();
        }
        notifier.join();
        // async waiters still pending time out within 2 ms; a final notify-all sweeps any others
        for (int index = 0; index < addresses; index++) {
            woken.addAndGet(Atomics.notify(ia, index));
        }
        for (CompletableFuture<WaitResult> r : asyncResults) {
            if (r.get(30, TimeUnit.SECONDS) == WaitResult.OK) {
                oks.incrementAndGet();
            }
        }
        assertThat(oks.get()).as("OK results").isEqualTo(woken.get());
        assertThat(((InProcessWaits) sab.waits).activeLists()).isZero();
        assertThat(((InProcessWaits) sab.waits).tableSize()).isLessThanOrEqualTo(InProcessWaits.KEPT_EMPTY_LISTS);
    }

    @Test
    void theTableShrinksBackToTheKeptEmptyListsOnceWaitersOnManyIndicesAreWoken() throws Exception {
        int indices = 3 * InProcessWaits.KEPT_EMPTY_LISTS;
        SharedArrayBuffer sab = new SharedArrayBuffer(4 * indices);
        Int32Array ia = new Int32Array(sab);
        InProcessWaits waits = (InProcessWaits) sab.waits;
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < indices; i++) {
            int index = i;
            waiters.add(Thread.ofVirtual().start(() -> Atomics.wait(ia, index, 0)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (waits.activeLists() < indices && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(waits.activeLists()).isEqualTo(indices);
        int woken = 0;
        for (int i = 0; i < indices; i++) {
            woken += Atomics.notify(ia, i);
        }
        for (Thread t : waiters) {
            t.join();
        }
        assertThat(woken).isEqualTo(indices);
        assertThat(waits.activeLists()).isZero();
        assertThat(waits.tableSize()).isEqualTo(InProcessWaits.KEPT_EMPTY_LISTS);
    }
}
