package dev.sab.core;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck linearizability checking of {@link Semaphore}: with one permit it is a mutex, so a
 * counter incremented between {@code acquire} and {@code release} must behave as if the operations
 * ran one at a time; {@code tryAcquire} while holding the only permit must fail, and
 * {@code availablePermits} read under the permit must be 0. Stress mode, for the reason given in
 * {@link LockLincheckTest}.
 */
public class SemaphoreLincheckTest {

    private static final int DEFAULT_ITERATIONS = 20;

    private final Int32Array ia = new Int32Array(new SharedArrayBuffer(8));
    private final Semaphore permit;

    public SemaphoreLincheckTest() {
        Semaphore.initialize(ia, 0, 1);
        permit = new Semaphore(ia, 0);
    }

    /** Increments under the permit and returns the old count; -1 if the permit's accounting is wrong. */
    @Operation
    public int increment() {
        permit.acquire();
        try {
            if (permit.tryAcquire() || permit.availablePermits() != 0) {
                return -1;
            }
            int value = (int) ia.get(1);
            ia.set(1, value + 1);
            return value;
        } finally {
            permit.release();
        }
    }

    @Operation
    public int read() {
        permit.acquire();
        try {
            return (int) ia.get(1);
        } finally {
            permit.release();
        }
    }

    @Test
    void linearizable() {
        new StressOptions()
                .iterations(Integer.getInteger("sab.lincheck.iterations", DEFAULT_ITERATIONS))
                .invocationsPerIteration(2_000)
                .threads(3)
                .actorsPerThread(3)
                .check(SemaphoreLincheckTest.class);
    }
}
