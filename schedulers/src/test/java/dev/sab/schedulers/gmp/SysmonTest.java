package dev.sab.schedulers.gmp;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sysmon's decisions, one round at a time on a manual ticker: no thread of sysmon runs here, and
 * nothing sleeps except the hand-off test's wait for the M it starts.
 */
class SysmonTest {
    private static final long MS = 1_000_000;
    private final ManualTicker ticker = new ManualTicker();

    private Sched sched(boolean preempt) {
        return new Sched("test", GmpConfig.defaults(2).withPreempt(preempt), ticker);
    }

    /** P0 made to look as if an M (never started) runs a G on it. */
    private static Machine running(Sched sched, Processor p) {
        Machine m = new Machine(sched, 99, null, false);
        sched.lock.lock();
        try {
            assertThat(sched.pidleget()).isNotNull();
            assertThat(sched.pidleget()).isNotNull();
        } finally {
            sched.lock.unlock();
        }
        p.setStatus(Processor.RUNNING);
        p.m = m;
        return m;
    }

    @Test
    void aGoroutineThatKeepsItsTimeSliceForTenMillisecondsIsAskedToYield() {
        Sched sched = sched(true);
        Sysmon sysmon = new Sysmon(sched);
        Processor p0 = sched.allp()[0];
        Machine m = running(sched, p0);
        p0.tickSched();

        sysmon.round(ticker.nanoTime()); // first sight of this schedtick
        ticker.advanceNanos(9 * MS);
        sysmon.round(ticker.nanoTime());
        assertThat(m.preempt).as("9 ms into the slice").isFalse();
        ticker.advanceNanos(MS);
        sysmon.round(ticker.nanoTime());
        assertThat(m.preempt).as("10 ms into the slice").isTrue();
        assertThat(sched.metrics.sysmon.get(GmpMetrics.Metric.PREEMPT_REQUESTS)).isEqualTo(1);

        m.preempt = false;
        p0.tickSched(); // a new G, a new slice
        ticker.advanceNanos(MS);
        sysmon.round(ticker.nanoTime());
        ticker.advanceNanos(5 * MS);
        sysmon.round(ticker.nanoTime());
        assertThat(m.preempt).isFalse();
    }

    @Test
    void withPreemptOffNobodyIsAskedToYield() {
        Sched sched = sched(false);
        Sysmon sysmon = new Sysmon(sched);
        Processor p0 = sched.allp()[0];
        Machine m = running(sched, p0);
        sysmon.round(ticker.nanoTime());
        ticker.advanceNanos(100 * MS);
        sysmon.round(ticker.nanoTime());
        assertThat(m.preempt).isFalse();
    }

    @Test
    void sysmonSleepsTwentyMicrosecondsThenBacksOffToTenMilliseconds() {
        Sched sched = sched(true);
        Sysmon sysmon = new Sysmon(sched);
        assertThat(sysmon.nextDelay()).isEqualTo(20_000);
        for (int i = 0; i < GmpConfig.SYSMON_IDLE_CYCLES; i++) {
            sysmon.round(ticker.nanoTime()); // nothing to retake: idle rounds
            assertThat(sysmon.nextDelay()).isEqualTo(20_000);
        }
        sysmon.round(ticker.nanoTime());
        assertThat(sysmon.nextDelay()).isEqualTo(40_000);
        long delay = 0;
        for (int i = 0; i < 20; i++) {
            sysmon.round(ticker.nanoTime());
            delay = sysmon.nextDelay();
        }
        assertThat(delay).isEqualTo(10_000_000);
    }

    @Test
    void aPInABlockingCallForMoreThanOneRoundIsHandedToAnotherM() throws Exception {
        Sched sched = sched(true);
        Sysmon sysmon = new Sysmon(sched);
        Processor p1 = sched.allp()[1];
        running(sched, p1);
        CountDownLatch ran = new CountDownLatch(1);
        p1.runqPut(ran::countDown, false, sched); // work waiting behind the blocking call
        p1.m = null;
        p1.setStatus(Processor.SYSCALL);
        try {
            sysmon.round(ticker.nanoTime()); // first sight of the syscall
            assertThat(p1.status()).isEqualTo(Processor.SYSCALL);
            ticker.advanceNanos(20_000);
            sysmon.round(ticker.nanoTime());
            assertThat(sched.metrics.sysmon.get(GmpMetrics.Metric.HANDOFFS)).isEqualTo(1);
            assertThat(ran.await(10, TimeUnit.SECONDS)).as("another M ran P1's queued work").isTrue();
        } finally {
            sched.shutdown();
        }
    }

    @Test
    void aQuickCallWithNothingQueuedKeepsItsPWhileOtherMsAreIdle() {
        Sched sched = sched(true);
        Sysmon sysmon = new Sysmon(sched);
        Processor p0;
        sched.lock.lock();
        try {
            p0 = sched.pidleget(); // P1 stays idle
        } finally {
            sched.lock.unlock();
        }
        p0.setStatus(Processor.SYSCALL);
        sysmon.round(ticker.nanoTime());
        ticker.advanceNanos(5 * MS);
        sysmon.round(ticker.nanoTime());
        assertThat(p0.status()).isEqualTo(Processor.SYSCALL);
        ticker.advanceNanos(5 * MS); // 10 ms: retaken anyway (its schedtick is that old too)
        sysmon.round(ticker.nanoTime());
        assertThat(sched.metrics.sysmon.get(GmpMetrics.Metric.HANDOFFS)).isEqualTo(1);
        sched.shutdown();
    }
}
