package dev.sab.concurrency;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Store-buffering (Dekker's handshake), the litmus test that separates sequential consistency from
 * weaker models: each agent stores to its own element and loads the other's. With
 * {@code Atomics.store}/{@code load} (ECMAScript SeqCst, Java volatile) both loads cannot miss
 * both stores; with plain {@code set}/{@code get} (Unordered) they can, through the CPU's store
 * buffer even on x86 ({@link Plain}).
 */
public class DekkerStress {

    private DekkerStress() {
    }

    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "some interleaving")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both loads before both stores: not sequentially consistent")
    @State
    public static class SeqCst {
        private final Int32Array ia = new Int32Array(new SharedArrayBuffer(8));

        @Actor
        public void actor1(II_Result r) {
            Atomics.store(ia, 0, 1);
            r.r1 = (int) Atomics.load(ia, 1);
        }

        @Actor
        public void actor2(II_Result r) {
            Atomics.store(ia, 1, 1);
            r.r2 = (int) Atomics.load(ia, 0);
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "some interleaving")
    @Outcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = "store buffering: plain accesses are Unordered")
    @State
    public static class Plain {
        private final Int32Array ia = new Int32Array(new SharedArrayBuffer(8));

        @Actor
        public void actor1(II_Result r) {
            ia.set(0, 1);
            r.r1 = (int) ia.get(1);
        }

        @Actor
        public void actor2(II_Result r) {
            ia.set(1, 1);
            r.r2 = (int) ia.get(0);
        }
    }
}
