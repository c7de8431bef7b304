package dev.sab.schedulers.eventloop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The optional watchdog: reports a blocked or starved loop, and can stop a demo that would hang. */
class WatchdogTest {

    @Test
    void aStarvingTickChainIsReportedAndAbortedInsteadOfHanging() {
        CopyOnWriteArrayList<LoopStall> reports = new CopyOnWriteArrayList<>();
        EventLoop loop = EventLoop.create(EventLoopOptions.builder()
                .watchdog(Duration.ofMillis(500), reports::add, true).build()); // long enough that an OS stall of the loop thread is not mistaken for a blocked callback
        boolean[] timerRan = {false};
        assertThatThrownBy(() -> loop.run(() -> {
            loop.setTimeout(() -> timerRan[0] = true, 1);
            Runnable[] starve = new Runnable[1];
            starve[0] = () -> loop.nextTick(starve[0]); // never lets the loop reach the timers phase
            starve[0].run();
        })).isInstanceOf(LoopStalledException.class)
                .satisfies(e -> assertThat(((LoopStalledException) e).stall().kind()).isEqualTo(LoopStall.Kind.STARVED));
        assertThat(timerRan[0]).isFalse();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).phase()).isEqualTo("main");
        assertThat(reports.get(0).callbacksRun()).isGreaterThan(1000);
        loop.close();
    }

    @Test
    void aCallbackThatRunsTooLongIsReportedAsBlockedWithItsStack() {
        CopyOnWriteArrayList<LoopStall> reports = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.create(EventLoopOptions.builder()
                .watchdog(Duration.ofMillis(100), reports::add, false).build())) {
            loop.run(() -> loop.setTimeout(WatchdogTest::spinFor400Ms, 1));
        }
        assertThat(reports).hasSize(1);
        LoopStall stall = reports.get(0);
        assertThat(stall.kind()).isEqualTo(LoopStall.Kind.BLOCKED);
        assertThat(stall.phase()).isEqualTo("timers");
        assertThat(stall.running()).contains("setTimeout callback");
        assertThat(stall.stack()).anyMatch(e -> e.getMethodName().equals("spinFor400Ms"));
    }

    @Test
    void anIdleLoopWaitingForATimerIsNotStalled() {
        CopyOnWriteArrayList<LoopStall> reports = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.create(EventLoopOptions.builder()
                .watchdog(Duration.ofMillis(200), reports::add, false).build())) {
            loop.run(() -> loop.setTimeout(() -> { }, 800));
        }
        assertThat(reports).isEmpty();
    }

    private static void spinFor400Ms() {
        long until = System.nanoTime() + 400_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
