package dev.sab.concurrency;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.sab.core.Atomics;
import dev.sab.core.SharedArrayBuffer;
import dev.sab.core.Uint8Array;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Two agents add to the two middle byte lanes of one 32-bit word with {@code Atomics.add} on a
 * {@code Uint8Array} (jcstress runs at most as many actors as there are CPUs, and the development
 * machines have two): sab-core does each as a compare-and-set loop on the whole word, so neither
 * update may be lost, and the outer lanes, preset to 0xFF (where a carry would show), must stay.
 */
@JCStressTest
@Outcome(id = "255, 1, 2, 255", expect = ACCEPTABLE, desc = "both lanes updated once, neighbours intact")
@Outcome(expect = FORBIDDEN, desc = "a lane lost its update or was disturbed by a neighbour's")
@State
public class Uint8LaneAddStress {

    private final Uint8Array lanes = new Uint8Array(new SharedArrayBuffer(4));

    public Uint8LaneAddStress() {
        lanes.set(0, 0xFF);
        lanes.set(3, 0xFF);
    }

    @Actor
    public void lane1() {
        Atomics.add(lanes, 1, 1);
    }

    @Actor
    public void lane2() {
        Atomics.add(lanes, 2, 2);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r1 = (int) Atomics.load(lanes, 0);
        r.r2 = (int) Atomics.load(lanes, 1);
        r.r3 = (int) Atomics.load(lanes, 2);
        r.r4 = (int) Atomics.load(lanes, 3);
    }
}
