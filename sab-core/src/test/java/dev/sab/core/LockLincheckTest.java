package dev.sab.core;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck linearizability checking of {@link Lock} (STYLE.md rule 9): a counter in the shared
 * buffer, incremented and read under the lock, must behave as if the operations ran one at a time.
 * A broken exclusion shows as results no sequential order explains, a lost wake-up as a hang.
 *
 * <p>Stress mode, not model checking: Lincheck 3.7's model checker inserts its thread switches at
 * accesses to fields, arrays and the atomics on them, and does not see accesses through a
 * {@code MemorySegment} var handle, where all of sab-core's memory is. Model checking therefore
 * runs each lock operation as if atomic and passes even a check-then-act lock (verified: it
 * passed one; stress mode fails it). Stress mode runs the scenarios on real threads.
 *
 * <p>{@code -Dsab.lincheck.iterations=N} (default {@value #DEFAULT_ITERATIONS}) runs longer.
 */
public class LockLincheckTest {

    private static final int DEFAULT_ITERATIONS = 20;

    private final Int32Array ia = new Int32Array(new SharedArrayBuffer(8));
    private final Lock lock = new Lock(ia, 0);

    @Operation
    public int increment() {
        lock.lock();
        try {
            int value = (int) ia.get(1);
            ia.set(1, value + 1);
            return value;
        } finally {
            lock.unlock();
        }
    }

    @Operation
    public int read() {
        lock.lock();
        try {
            return (int) ia.get(1);
        } finally {
            lock.unlock();
        }
    }

    @Test
    void linearizable() {
        new StressOptions()
                .iterations(Integer.getInteger("sab.lincheck.iterations", DEFAULT_ITERATIONS))
                .invocationsPerIteration(2_000)
                .threads(3)
                .actorsPerThread(3)
                .check(LockLincheckTest.class);
    }
}
