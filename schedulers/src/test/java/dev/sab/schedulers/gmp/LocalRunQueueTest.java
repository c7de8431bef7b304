package dev.sab.schedulers.gmp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Go's run-queue rules, one step at a time, on a queue of capacity 4 (STYLE.md rule 8). */
class LocalRunQueueTest {

    /** A G that is only a name. */
    record G(String name) implements Runnable {
        @Override
        public void run() {
        }
    }

    private static final LocalRunQueue.Victim NO_PAUSE = () -> { };

    private static LocalRunQueue queue() {
        return new LocalRunQueue(4, NO_PAUSE, false);
    }

    private static List<String> drain(LocalRunQueue q) {
        List<String> out = new ArrayList<>();
        Runnable g;
        while ((g = q.takeRunnext()) != null || (g = q.takeHead()) != null) {
            out.add(((G) g).name());
        }
        return out;
    }

    @Test
    void runnextRunsFirstAndAReadyingKicksTheOldOneToTheTail() {
        LocalRunQueue q = queue();
        assertThat(q.put(new G("a"), false)).isNull();
        assertThat(q.put(new G("b"), true)).isNull();
        assertThat(q.put(new G("c"), true)).isNull(); // c takes runnext, b goes to the tail
        assertThat(drain(q)).containsExactly("c", "a", "b");
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void aFullQueueHandsHalfOfItselfAndTheNewcomerToTheGlobalQueue() {
        LocalRunQueue q = queue();
        for (String n : List.of("a", "b", "c", "d")) {
            assertThat(q.put(new G(n), false)).isNull();
        }
        Runnable[] spill = q.put(new G("e"), false);
        assertThat(spill).extracting(g -> ((G) g).name()).containsExactly("a", "b", "e");
        assertThat(drain(q)).containsExactly("c", "d");
    }

    @Test
    void aThiefTakesHalfRoundedUpFromTheHead() {
        LocalRunQueue victim = queue();
        LocalRunQueue thief = queue();
        for (String n : List.of("a", "b", "c")) {
            victim.put(new G(n), false);
        }
        Runnable got = thief.steal(victim, false);
        assertThat(thief.lastStolen()).isEqualTo(2);
        assertThat(((G) got).name()).isEqualTo("b"); // the last stolen runs, the others wait in the thief's queue
        assertThat(drain(thief)).containsExactly("a");
        assertThat(drain(victim)).containsExactly("c");
    }

    @Test
    void runnextIsStolenOnlyOnTheLastPassAndOnlyWhenTheRingIsEmpty() {
        LocalRunQueue victim = queue();
        LocalRunQueue thief = queue();
        victim.put(new G("next"), true);
        assertThat(thief.steal(victim, false)).isNull();
        victim.put(new G("queued"), false);
        assertThat(((G) thief.steal(victim, true)).name()).isEqualTo("queued"); // the ring goes first
        assertThat(((G) thief.steal(victim, true)).name()).isEqualTo("next");
        assertThat(victim.isEmpty()).isTrue();
    }

    @Test
    void aBatchFromTheGlobalQueueFillsOnlyWhatFits() {
        LocalRunQueue q = queue();
        q.put(new G("x"), false);
        Runnable[] batch = {new G("0"), new G("1"), new G("2"), new G("3"), new G("4")};
        assertThat(q.putBatch(batch, 1, 4)).isEqualTo(3);
        assertThat(drain(q)).containsExactly("x", "1", "2", "3");
    }

    @Test
    void randomizedPutsStillLoseNothing() {
        LocalRunQueue q = new LocalRunQueue(8, NO_PAUSE, true);
        List<String> spilled = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Runnable[] spill = q.put(new G(Integer.toString(i)), i % 3 == 0);
            if (spill != null) {
                for (Runnable g : spill) {
                    spilled.add(((G) g).name());
                }
            }
        }
        List<String> all = new ArrayList<>(spilled);
        all.addAll(drain(q));
        assertThat(all).hasSize(50).doesNotHaveDuplicates();
    }
}
