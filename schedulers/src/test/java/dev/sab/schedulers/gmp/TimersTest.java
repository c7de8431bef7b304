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
}
