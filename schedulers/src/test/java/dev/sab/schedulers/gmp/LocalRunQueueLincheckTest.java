package dev.sab.schedulers.gmp;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Lincheck model checking of the local run queue (STYLE.md rule 9): the owner's put, put-next and
 * take run in one thread (Lincheck's non-parallel group), a thief steals half of the ring from
 * another, and every interleaving Lincheck explores must be explained by some sequential order of
 * the same operations. Capacity 4, so the overflow path and half-steals run.
 *
 * <p>Stealing runnext is left out of the linearizability check on purpose, because it is not
 * linearizable in Go either: {@code runqgrab} reads head and tail, finds the ring empty, and only
 * then reads runnext, so a thief can come back empty-handed although the queue was never empty
 * (Lincheck finds it: the owner puts into the ring and takes runnext in between). Go accepts such
 * spurious failures, since a spinning M re-checks every source before it parks; this model keeps
 * Go's behaviour. That runnext stealing never loses or duplicates a G is checked by
 * {@link LocalRunQueueStressTest}.
 *
 * <p>The default run explores {@value #DEFAULT_ITERATIONS} scenarios; {@code -Pstress} raises it
 * through {@code -Dsab.lincheck.iterations}.
 */
@Param(name = "g", gen = IntGen.class, conf = "1:9")
public class LocalRunQueueLincheckTest {

    /** A G that is only a number; equal numbers are equal Gs. */
    record Item(int value) implements Runnable {
        @Override
        public void run() {
        }
    }

    private static final int DEFAULT_ITERATIONS = 15;

    private final LocalRunQueue queue = new LocalRunQueue(4, () -> { }, false);

    /** Owner: put at the tail; returns how many Gs spilled to the global queue (0 if none). */
    @Operation(nonParallelGroup = "owner")
    public int put(@Param(name = "g") int g) {
        Runnable[] spill = queue.put(new Item(g), false);
        return spill == null ? 0 : spill.length;
    }

    /** Owner: ready into runnext; returns how many Gs spilled to the global queue (0 if none). */
    @Operation(nonParallelGroup = "owner")
    public int putNext(@Param(name = "g") int g) {
        Runnable[] spill = queue.put(new Item(g), true);
        return spill == null ? 0 : spill.length;
    }

    /** Owner: take the next G (runnext first), or -1. */
    @Operation(nonParallelGroup = "owner")
    public int take() {
        Runnable g = queue.takeRunnext();
        if (g == null) {
            g = queue.takeHead();
        }
        return g == null ? -1 : ((Item) g).value();
    }

    /** A thief with an empty queue of its own steals half of the ring. */
    @Operation
    public List<Integer> steal() {
        LocalRunQueue thief = new LocalRunQueue(4, () -> { }, false);
        List<Integer> got = new ArrayList<>();
        Runnable g = thief.steal(queue, false);
        if (g != null) {
            got.add(((Item) g).value());
            Runnable more;
            while ((more = thief.takeHead()) != null) {
                got.add(((Item) more).value());
            }
        }
        return got;
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions()
                .iterations(Integer.getInteger("sab.lincheck.iterations", DEFAULT_ITERATIONS))
                .invocationsPerIteration(1_000)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(3)
                .check(LocalRunQueueLincheckTest.class);
    }
}
