package dev.sab.concurrency;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.Lock;
import dev.sab.core.SharedArrayBuffer;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The {@link Lock}: two agents increment a plain element under it (no update lost, and the lock
 * word is 0 afterwards); and a waiter blocked in {@code lock()} must be woken by {@code unlock()}.
 */
public class LockStress {

    private LockStress() {
    }

    @JCStressTest
    @Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "both increments, lock free")
    @Outcome(expect = FORBIDDEN, desc = "an increment lost, or the lock word not 0 when free")
    @State
    public static class MutualExclusion {
        private final Int32Array ia = new Int32Array(new SharedArrayBuffer(8));
        private final Lock lock = new Lock(ia, 0);

        @Actor
        public void actor1() {
            lock.lock();
            ia.set(1, ia.get(1) + 1);
            lock.unlock();
        }

        @Actor
        public void actor2() {
            lock.lock();
            ia.set(1, ia.get(1) + 1);
            lock.unlock();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = (int) ia.get(1);
            r.r2 = (int) Atomics.load(ia, 0);
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the blocked locker got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: unlock did not wake the waiter")
    @State
    public static class UnlockWakes {
        private final Int32Array ia = new Int32Array(new SharedArrayBuffer(4));
        private final Lock lock = new Lock(ia, 0);

        public UnlockWakes() {
            lock.lock(); // held by "the main thread" until the signal
        }

        @Actor
        public void locker() {
            lock.lock();
            lock.unlock();
        }

        @Signal
        public void unlocker() {
            lock.unlock();
        }
    }
}
