package dev.sab.core;

import java.nio.file.Path;

/**
 * One side of {@link TwoProcessMappedBufferTest}: maps the file, meets the other process at a
 * {@link Latch}, then increments a counter with {@code Atomics.add} and another, plain one under a
 * {@link Lock}, and counts down a second latch when done. With the futex, the child then waits
 * for a bare notify (the element never changes), which only the kernel can deliver from the other
 * process. Run as its own JVM:
 * {@code java -cp ... dev.sab.core.MappedCounterProcess FILE ITERATIONS futex|polling}.
 */
final class MappedCounterProcess {

    // Int32 slots of the shared file
    static final int ATOMIC_COUNTER = 0;
    static final int LOCK = 1;
    static final int LOCKED_COUNTER = 2;
    static final int STARTED = 3;
    static final int FINISHED = 4;
    static final int BARE_NOTIFY = 5;
    static final int BYTES = 4 * 8;

    private MappedCounterProcess() {
    }

    public static void main(String[] args) {
        SharedArrayBuffer sab = SharedArrayBuffer.map(Path.of(args[0]), BYTES, args[2].equals("futex"));
        if (!sab.waitMechanism().equals(args[2])) {
            System.err.println("child wanted " + args[2] + " waits but has " + sab);
            System.exit(3);
        }
        run(sab, Integer.parseInt(args[1]));
        if (args[2].equals("futex")) {
            WaitResult result = Atomics.wait(new Int32Array(sab), BARE_NOTIFY, 0, 120_000);
            if (result != WaitResult.OK) {
                System.err.println("child: the bare notify did not arrive: " + result);
                System.exit(4);
            }
        }
    }

    /** The work of one process; the latches must be initialised (to 2) before either side starts. */
    static void run(SharedArrayBuffer sab, int iterations) {
        Int32Array ia = new Int32Array(sab);
        Lock lock = new Lock(ia, LOCK);
        Latch started = new Latch(ia, STARTED);
        started.countDown();
        started.await();
        for (int i = 0; i < iterations; i++) {
            Atomics.add(ia, ATOMIC_COUNTER, 1);
            lock.lock();
            try {
                ia.set(LOCKED_COUNTER, ia.get(LOCKED_COUNTER) + 1);
            } finally {
                lock.unlock();
            }
        }
        new Latch(ia, FINISHED).countDown();
    }
}
