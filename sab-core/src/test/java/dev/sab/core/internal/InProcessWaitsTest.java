package dev.sab.core.internal;

import dev.sab.core.WaitResult;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** White-box tests of {@link InProcessWaits}'s cache of recent lists. */
class InProcessWaitsTest {

    private static final int KEEPERS = InProcessWaits.KEPT_EMPTY_LISTS + 6;

    /**
     * A thread that looked a list up in the table just before it was retired may write it into the
     * cache after the list's successor was made. A notify that then finds the retired list there
     * must go on to the successor: stopping at the retired list would lose the wake-up of a waiter
     * that waits forever.
     */
    @Test
    void aNotifyPassesOverARetiredListLeftInTheCacheToTheListThatReplacedIt() throws Exception {
        Table t = Table.retiringEmptiedLists();
        WaiterList retired = t.retireTheListOfIndexZero();

        WaitResult[] result = new WaitResult[1];
        Thread second = t.waitOnIndexZero(result);
        assertThat(t.waits.cached(0)).as("the second waiter's list replaced the retired one").isNotSameAs(retired);
        t.waits.remember(retired); // the late write of a thread that raced the retirement

        assertThat(t.waits.notify(t.memory, 0, 1)).as("waiters woken on index 0").isEqualTo(1);
        second.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(second.isAlive()).as("the second waiter still waits").isFalse();
        assertThat(result[0]).isEqualTo(WaitResult.OK);
        t.releaseKeepers();
        assertThat(t.waits.activeLists()).isZero();
    }

    @Test
    void aWaitPassesOverARetiredListLeftInTheCache() throws Exception {
        Table t = Table.retiringEmptiedLists();
        WaiterList retired = t.retireTheListOfIndexZero(); // and left in the cache

        WaitResult[] result = new WaitResult[1];
        Thread second = t.waitOnIndexZero(result);
        assertThat(t.waits.cached(0)).isNotSameAs(retired);
        assertThat(t.waits.notify(t.memory, 0, 1)).isEqualTo(1);
        second.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(result[0]).isEqualTo(WaitResult.OK);
        t.releaseKeepers();
    }

    /**
     * A table held above the emptied lists it keeps by waiters on indices 1 to {@code KEEPERS}, so
     * an emptied list is retired at once; index 0 is the one the tests play with.
     */
    private record Table(InProcessWaits waits, MemorySegment memory, List<Thread> keepers) {
        static Table retiringEmptiedLists() throws InterruptedException {
            InProcessWaits waits = new InProcessWaits();
            MemorySegment memory = Arena.ofAuto().allocate(4L * (KEEPERS + 1), 8);
            List<Thread> keepers = new ArrayList<>();
            for (int i = 1; i <= KEEPERS; i++) {
                long offset = 4L * i;
                keepers.add(Thread.ofVirtual().start(() -> waits.await(memory, offset, false, 0, Waits.FOREVER)));
            }
            until(waits::activeLists, KEEPERS);
            return new Table(waits, memory, keepers);
        }

        /** A waiter on index 0, woken: its emptied list is retired and stays in the cache. Returns that list. */
        WaiterList retireTheListOfIndexZero() throws InterruptedException {
            Thread first = waitOnIndexZero(new WaitResult[1]);
            WaiterList list = waits.cached(0);
            assertThat(list).as("the list of index 0 is in the cache").isNotNull();
            assertThat(waits.notify(memory, 0, 1)).isEqualTo(1);
            first.join();
            return list;
        }

        /** Starts a waiter on index 0 that waits forever, and returns once it is listed. */
        Thread waitOnIndexZero(WaitResult[] result) throws InterruptedException {
            Thread t = Thread.ofVirtual().start(() -> result[0] = waits.await(memory, 0, false, 0, Waits.FOREVER));
            until(waits::activeLists, KEEPERS + 1);
            return t;
        }

        void releaseKeepers() throws InterruptedException {
            for (int i = 1; i <= KEEPERS; i++) {
                assertThat(waits.notify(memory, 4L * i, 1)).isEqualTo(1);
            }
            for (Thread t : keepers) {
                t.join();
            }
        }
    }

    private static void until(IntSupplier actual, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (actual.getAsInt() != expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("expected " + expected + ", still " + actual.getAsInt() + " after 30 s");
            }
            Thread.sleep(1);
        }
    }
}
