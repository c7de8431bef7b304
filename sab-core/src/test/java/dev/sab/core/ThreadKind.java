package dev.sab.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** Platform or virtual threads, for tests that must pass under both. */
enum ThreadKind {
    PLATFORM, VIRTUAL;

    Thread start(Runnable body) {
        return this == PLATFORM ? Thread.ofPlatform().start(body) : Thread.ofVirtual().start(body);
    }

    /** Runs {@code body(i)} on {@code n} threads released together, and waits for all; rethrows the first failure. */
    void runTogether(int n, IndexedBody body) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < n; i++) {
            int id = i;
            threads.add(start(() -> {
                try {
                    start.await();
                    body.run(id);
                } catch (Throwable t) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = t;
                        }
                    }
                    start.reset();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] instanceof BrokenBarrierException && failure[0].getCause() == null) {
            throw new AssertionError("a thread failed before the start", failure[0]);
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }

    @FunctionalInterface
    interface IndexedBody {
        void run(int threadIndex) throws Exception;
    }
}
