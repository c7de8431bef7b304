package dev.sab.schedulers.gmp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A P's timer heap, driven by explicit times: nothing here sleeps. */
class TimersTest {
    private final Thread g = Thread.currentThread(); // unparking ourselves is harmless

    @Test
    void onlyDueTimersFireInDeadlineOrder() {
        Timers timers = new Timers();
        Timers.Timer late = new Timers.Timer(300, g);
        Timers.Timer early = new Timers.Timer(100, g);
        Timers.Timer middle = new Timers.Timer(200, g);
        assertThat(timers.add(late)).as("first timer is the earliest").isTrue();
        assertThat(timers.add(early)).as("an earlier one wakes the timer waiter").isTrue();
        assertThat(timers.add(middle)).as("a later one does not").isFalse();
        assertThat(timers.wakeTime()).isEqualTo(100);

        assertThat(timers.check(99)).isZero();
        assertThat(timers.check(200)).isEqualTo(2);
        assertThat(early.state()).isEqualTo(Timers.Timer.FIRED);
        assertThat(middle.state()).isEqualTo(Timers.Timer.FIRED);
        assertThat(late.state()).isEqualTo(Timers.Timer.HEAPED);
        assertThat(timers.wakeTime()).isEqualTo(300);
        assertThat(timers.check(1_000)).isEqualTo(1);
        assertThat(timers.wakeTime()).isZero();
    }

    @Test
    void aCancelledTimerNeverFiresAndIsCleanedAway() {
        Timers timers = new Timers();
        Timers.Timer a = new Timers.Timer(100, g);
        Timers.Timer b = new Timers.Timer(200, g);
        timers.add(a);
        timers.add(b);
        assertThat(a.cancel()).isTrue();
        assertThat(a.cancel()).isFalse();
        assertThat(timers.check(150)).isZero();
        assertThat(timers.size()).isEqualTo(1);
        assertThat(timers.check(250)).isEqualTo(1);
        assertThat(b.cancel()).as("too late: it fired").isFalse();
    }

    @Test
    void aTimerCancelledBeforeItIsArmedIsDropped() {
        Timers timers = new Timers();
        Timers.Timer t = new Timers.Timer(100, g);
        assertThat(t.cancel()).isTrue();
        assertThat(timers.add(t)).isFalse();
        assertThat(timers.size()).isZero();
    }

    @Test
    void manyZombiesAreSweptInOneGo() {
        Timers timers = new Timers();
        for (int i = 0; i < 100; i++) {
            Timers.Timer t = new Timers.Timer(1_000 + i, g);
            timers.add(t);
            if (i % 2 == 0) {
                t.cancel();
            }
        }
        timers.add(new Timers.Timer(10, g));
        assertThat(timers.check(10)).isEqualTo(1);
        assertThat(timers.size()).isEqualTo(50);
    }

    /**
     * Thousands of timers in random order, a third cancelled, fired by a clock that advances in
     * random steps: every live timer fires exactly once, never before its deadline, and at each
     * step exactly the live timers due by then fire; the earliest deadline left is what
     * wakeTime says. Exercises the 4-ary heap's sifting and the zombie sweep's rebuild.
     */
    @Test
    void randomDeadlinesFireExactlyWhenDueWithCancellationsMixedIn() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        Timers timers = new Timers();
        int n = 5_000;
        Timers.Timer[] all = new Timers.Timer[n];
        java.util.List<Timers.Timer> live = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            all[i] = new Timers.Timer(1 + random.nextLong(1_000_000), g);
            timers.add(all[i]);
            if (random.nextInt(3) == 0) {
                all[i].cancel();
            } else {
                live.add(all[i]);
            }
        }
        live.sort(java.util.Comparator.comparingLong(t -> t.when));
        long now = 0;
        int fired = 0;
        while (fired < live.size()) {
            now += random.nextLong(50_000);
            int due = 0;
            while (fired + due < live.size() && live.get(fired + due).when <= now) {
                due++;
            }
            assertThat(timers.check(now)).as("timers due by %d", now).isEqualTo(due);
            for (int k = fired; k < fired + due; k++) {
                assertThat(live.get(k).state()).isEqualTo(Timers.Timer.FIRED);
            }
            fired += due;
            if (fired < live.size()) {
                assertThat(live.get(fired).state()).isEqualTo(Timers.Timer.HEAPED);
                assertThat(timers.wakeTime()).as("earliest deadline left").isLessThanOrEqualTo(live.get(fired).when);
            }
        }
        assertThat(timers.check(Long.MAX_VALUE)).isZero();
        for (Timers.Timer t : all) {
            assertThat(t.state()).isIn(Timers.Timer.FIRED, Timers.Timer.CANCELLED);
        }
    }
}
