package dev.sab.concurrency;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.sab.core.Atomics;
import dev.sab.core.Int16Array;
import dev.sab.core.SharedArrayBuffer;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two agents race {@code compareExchange(0 -> own id)} on one Int16 element (a CAS loop on the
 * containing word): exactly one exchange wins, the loser sees the winner's value, and the other
 * half of the word (preset to 7) is untouched.
 */
@JCStressTest
@Outcome(id = {"0, 1, 1", "2, 0, 2"}, expect = ACCEPTABLE, desc = "one winner, the other sees its value")
@Outcome(expect = FORBIDDEN, desc = "two winners, no winner, or the neighbour disturbed")
@State
public class CompareExchangeStress {

    private final Int16Array shorts = new Int16Array(new SharedArrayBuffer(4));

    public CompareExchangeStress() {
        shorts.set(1, 7);
    }

    @Actor
    public void actor1(III_Result r) {
        r.r1 = (int) Atomics.compareExchange(shorts, 0, 0, 1);
    }

    @Actor
    public void actor2(III_Result r) {
        r.r2 = (int) Atomics.compareExchange(shorts, 0, 0, 2);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = (int) Atomics.load(shorts, 0);
        if (Atomics.load(shorts, 1) != 7) {
            r.r3 = -1;
        }
    }
}
