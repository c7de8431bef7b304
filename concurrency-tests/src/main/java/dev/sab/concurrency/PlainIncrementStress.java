package dev.sab.concurrency;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * The contrast to {@link AtomicsAddStress}: {@code ta.set(0, ta.get(0) + 1)} from two agents is a
 * read and a separate write (ECMAScript Unordered accesses), so a lost update is allowed, and
 * jcstress shows how often it happens.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "no update lost this time")
@Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "lost update: plain get/set is not atomic")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
public class PlainIncrementStress {

    private final Int32Array ia = new Int32Array(new SharedArrayBuffer(4));

    @Actor
    public void actor1() {
        ia.set(0, ia.get(0) + 1);
    }

    @Actor
    public void actor2() {
        ia.set(0, ia.get(0) + 1);
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = (int) ia.get(0);
    }
}
