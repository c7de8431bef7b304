package dev.sab.schedulers.gmp;

import dev.sab.schedulers.gmp.LocalRunQueueTest.G;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Go's {@code globrunqget} share rule and the queue's ring, one call at a time. */
class GlobalRunQueueTest {
    private final SchedLock lock = new SchedLock();
    private final GlobalRunQueue q = new GlobalRunQueue(lock);

    private void put(String... names) {
        lock.lock();
        try {
            for (String n : names) {
                q.put(new G(n));
            }
        } finally {
            lock.unlock();
        }
    }

    private List<String> getBatch(Runnable[] out, int procs) {
        int n;
        lock.lock();
        try {
            n = q.getBatch(out, procs);
        } finally {
            lock.unlock();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(((G) out[i]).name());
        }
        return names;
    }

    @Test
    void aBatchIsAFairShareOldestFirst() {
        put("a", "b", "c", "d", "e", "f", "g");
        Runnable[] out = new Runnable[8];
        // Go: n = sched.runqsize/gomaxprocs + 1 = 7/2 + 1 = 4
        assertThat(getBatch(out, 2)).containsExactly("a", "b", "c", "d");
        assertThat(q.size()).isEqualTo(3);
        // 3/2 + 1 = 2
        assertThat(getBatch(out, 2)).containsExactly("e", "f");
        assertThat(getBatch(out, 2)).containsExactly("g");
        assertThat(q.isEmpty()).isTrue();
        assertThat(getBatch(out, 2)).isEmpty();
    }

    @Test
    void aBatchIsBoundedByTheRoomTheCallerHas() {
        put("a", "b", "c", "d", "e", "f");
        Runnable[] out = new Runnable[2]; // Go: at most len(pp.runq)/2
        assertThat(getBatch(out, 1)).containsExactly("a", "b");
        assertThat(q.size()).isEqualTo(4);
    }

    @Test
    void batchesFollowTheRingAroundItsEndAndThroughGrowth() {
        Runnable[] out = new Runnable[64];
        List<String> expected = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 20; round++) { // puts outpace takes: the ring wraps and grows
            String[] names = new String[13];
            for (int i = 0; i < names.length; i++) {
                names[i] = "g" + next++;
            }
            put(names);
            expected.addAll(Arrays.asList(names));
            taken.addAll(getBatch(out, 3));
        }
        while (!q.isEmpty()) {
            taken.addAll(getBatch(out, 1));
        }
        assertThat(taken).isEqualTo(expected);
    }
}
