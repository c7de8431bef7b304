package dev.sab.schedulers.eventloop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timer logic on a {@link VirtualClock}: no test here sleeps; the loop advances the clock to the
 * next timer whenever it would block (STYLE.md rule 10).
 */
class TimersTest {

    private static EventLoop virtualLoop(VirtualClock clock) {
        return EventLoop.create(EventLoopOptions.builder().clock(clock).build());
    }

    @Test
    void aTenSecondIntervalRunsTenTimesWithoutWaiting() {
        VirtualClock clock = new VirtualClock();
        List<Long> at = new ArrayList<>();
        long wallStart = System.nanoTime();
        try (EventLoop loop = virtualLoop(clock)) {
            loop.run(() -> {
                long origin = loop.now();
                Timeout[] t = new Timeout[1];
                t[0] = loop.setInterval(() -> {
                    at.add(loop.now() - origin);
                    if (at.size() == 10) {
                        loop.clearInterval(t[0]);
                    }
                }, 10_000);
            });
        }
        assertThat(at).containsExactly(10_000L, 20_000L, 30_000L, 40_000L, 50_000L, 60_000L, 70_000L, 80_000L, 90_000L, 100_000L);
        assertThat(System.nanoTime() - wallStart).isLessThan(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void anIntervalCountsFromTheStartOfEachRunSoASlowCallbackDoesNotDrift() {
        VirtualClock clock = new VirtualClock();
        List<Long> at = new ArrayList<>();
        try (EventLoop loop = virtualLoop(clock)) {
            loop.run(() -> {
                long origin = loop.now();
                Timeout[] t = new Timeout[1];
                t[0] = loop.setInterval(() -> {
                    at.add(loop.now() - origin);
                    clock.advance(Duration.ofMillis(30)); // the callback itself takes 30 ms
                    if (at.size() == 3) {
                        loop.clearInterval(t[0]);
                    }
                }, 100);
            });
        }
        // Node: start = getLibuvNow() before the callback; the next run is due start + 100
        assertThat(at).containsExactly(100L, 200L, 300L);
    }

    @Test
    void delaysBelowOneMillisecondOrAboveTimeoutMaxBecomeOneMillisecond() {
        VirtualClock clock = new VirtualClock();
        List<String> order = new ArrayList<>();
        try (EventLoop loop = virtualLoop(clock)) {
            loop.run(() -> {
                long origin = loop.now();
                loop.setTimeout(() -> order.add("huge at " + (loop.now() - origin)), Timeout.TIMEOUT_MAX + 1);
                loop.setTimeout(() -> order.add("negative at " + (loop.now() - origin)), -5);
                loop.setTimeout(() -> order.add("two at " + (loop.now() - origin)), 2);
            });
        }
        assertThat(order).containsExactly("huge at 1", "negative at 1", "two at 2");
    }

    @Test
    void aRescheduledListYieldsToAnotherListDueAtTheSameMillisecondAsInNode() {
        // t=0: P (6 ms) makes the 6 ms list; t=4: Q (6 ms) joins it, due at 10; t=5: X (5 ms) makes the
        // 5 ms list, due at 10. At t=6 P runs and the 6 ms list is rescheduled for 10 with a new id, so
        // X (list id older) runs before Q although Q was inserted first. A heap of (due, insertion) would
        // run Q first; Node runs X first.
        VirtualClock clock = new VirtualClock();
        List<String> order = new ArrayList<>();
        try (EventLoop loop = virtualLoop(clock)) {
            loop.run(() -> {
                loop.setTimeout(() -> order.add("P"), 6);
                clock.advance(Duration.ofMillis(4));
                loop.setTimeout(() -> order.add("Q"), 6);
                clock.advance(Duration.ofMillis(1));
                loop.setTimeout(() -> order.add("X"), 5);
            });
        }
        assertThat(order).containsExactly("P", "X", "Q");
    }

    @Test
    void refreshRestartsTheCountdownFromNow() {
        VirtualClock clock = new VirtualClock();
        List<String> order = new ArrayList<>();
        try (EventLoop loop = virtualLoop(clock)) {
            loop.run(() -> {
                long origin = loop.now();
                Timeout a = loop.setTimeout(() -> order.add("a at " + (loop.now() - origin)), 30);
                loop.setTimeout(a::refresh, 20);
                loop.setTimeout(() -> order.add("b at " + (loop.now() - origin)), 40);
            });
        }
        assertThat(order).containsExactly("b at 40", "a at 50");
    }

    @Test
    void unrefdTimersDoNotKeepTheLoopAliveButStillRunWhileItIsAlive() {
        VirtualClock clock = new VirtualClock();
        List<String> order = new ArrayList<>();
        try (EventLoop loop = virtualLoop(clock)) {
            loop.run(() -> {
                loop.setTimeout(() -> order.add("unref 5"), 5).unref();
                loop.setTimeout(() -> order.add("unref 50"), 50).unref();
                loop.setTimeout(() -> order.add("ref 10"), 10);
            });
        }
        assertThat(order).containsExactly("unref 5", "ref 10");
    }

    @Test
    void clearingATimerFromAnEarlierTimerInTheSameListStopsIt() {
        VirtualClock clock = new VirtualClock();
        List<String> order = new ArrayList<>();
        try (EventLoop loop = virtualLoop(clock)) {
            loop.run(() -> {
                Timeout[] second = new Timeout[1];
                loop.setTimeout(() -> {
                    order.add("first");
                    loop.clearTimeout(second[0]);
                }, 5);
                second[0] = loop.setTimeout(() -> order.add("second"), 5);
                loop.setTimeout(() -> order.add("third"), 5);
            });
        }
        assertThat(order).containsExactly("first", "third");
    }

    @Test
    void aMillionPendingTimersAllFireInDueOrder() {
        VirtualClock clock = new VirtualClock();
        int n = 200_000;
        long[] lastDue = {-1};
        int[] fired = {0};
        boolean[] ordered = {true};
        try (EventLoop loop = virtualLoop(clock)) {
            loop.run(() -> {
                long origin = loop.now();
                for (int i = 0; i < n; i++) {
                    long delay = 1 + (i * 7919L) % 1000; // 1000 distinct durations, interleaved
                    loop.setTimeout(() -> {
                        long now = loop.now() - origin;
                        if (now < lastDue[0]) {
                            ordered[0] = false;
                        }
                        lastDue[0] = now;
                        fired[0]++;
                    }, delay);
                }
            });
        }
        assertThat(fired[0]).isEqualTo(n);
        assertThat(ordered[0]).as("timers fired in non-decreasing due order").isTrue();
    }
}
