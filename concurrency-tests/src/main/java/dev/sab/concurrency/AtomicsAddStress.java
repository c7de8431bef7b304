package dev.sab.concurrency;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two agents add to one Int32 element with {@code Atomics.add}: each sees a distinct old value and
 * the sum is exact. A lost update (both see 0, the element ends at 1) is forbidden.
 */
@JCStressTest
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "actor 1 first")
@Outcome(id = "1, 0, 2", expect = ACCEPTABLE, desc = "actor 2 first")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "lost update")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
public class AtomicsAddStress {

    private final Int32Array ia = new Int32Array(new SharedArrayBuffer(4));

    @Actor
    public void actor1(III_Result r) {
        r.r1 = (int) Atomics.add(ia, 0, 1);
    }

    @Actor
    public void actor2(III_Result r) {
        r.r2 = (int) Atomics.add(ia, 0, 1);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = (int) Atomics.load(ia, 0);
    }
}
