package dev.sab.concurrency;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * {@code Atomics.wait} against a racing store-then-notify: whichever comes first, the waiter must
 * finish, since the waiter compares inside the waiter list's critical section and the notifier
 * writes before entering it. A waiter left asleep (a lost wake-up) is forbidden.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter finished")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the waiter sleeps forever")
@State
public class WaitNotifyTermination {

    private final Int32Array ia = new Int32Array(new SharedArrayBuffer(4));

    @Actor
    public void waiter() {
        while (Atomics.load(ia, 0) == 0) {
            Atomics.wait(ia, 0, 0);
        }
    }

    @Signal
    public void notifier() {
        Atomics.store(ia, 0, 1);
        Atomics.notify(ia, 0, 1);
    }
}
