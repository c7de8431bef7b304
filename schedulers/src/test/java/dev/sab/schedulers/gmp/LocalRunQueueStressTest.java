package dev.sab.schedulers.gmp;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property Lincheck does not check (see {@link LocalRunQueueLincheckTest}): with the owner
 * putting into runnext and the ring and taking, while two thieves steal runnext as well as the
 * ring, every G comes out exactly once. Real threads, no sleeping; {@code -Dsab.stress.gs} makes
 * it longer.
 */
class LocalRunQueueStressTest {

    record Item(int value) implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void everyGoroutineComesOutExactlyOnce() throws Exception {
        int n = Integer.getInteger("sab.stress.gs", 200_000);
        LocalRunQueue queue = new LocalRunQueue(4, () -> { }, false);
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        AtomicBoolean ownerDone = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] thieves = new Thread[2];
        for (int t = 0; t < thieves.length; t++) {
            thieves[t] = new Thread(() -> {
                LocalRunQueue mine = new LocalRunQueue(4, () -> { }, false);
                await(start);
                while (!ownerDone.get() || !queue.isEmpty()) {
                    Runnable g = mine.steal(queue, true);
                    while (g != null) {
                        seen.incrementAndGet(((Item) g).value());
                        g = mine.takeHead();
                    }
                }
            });
            thieves[t].start();
        }
        start.countDown();
        for (int i = 0; i < n; i++) {
            Runnable[] spill = queue.put(new Item(i), i % 2 == 0);
            if (spill != null) {
                for (Runnable g : spill) {
                    seen.incrementAndGet(((Item) g).value()); // "the global queue"
                }
            }
            if (i % 3 == 0) {
                Runnable g = queue.takeRunnext();
                if (g == null) {
                    g = queue.takeHead();
                }
                if (g != null) {
                    seen.incrementAndGet(((Item) g).value());
                }
            }
        }
        ownerDone.set(true);
        for (Thread t : thieves) {
            t.join();
        }
        Runnable g;
        while ((g = queue.takeRunnext()) != null || (g = queue.takeHead()) != null) {
            seen.incrementAndGet(((Item) g).value());
        }
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).as("times G %d came out", i).isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
