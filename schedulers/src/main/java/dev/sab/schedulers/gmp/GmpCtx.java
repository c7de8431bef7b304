package dev.sab.schedulers.gmp;

import dev.sab.core.Agent;
import dev.sab.schedulers.Conn;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Listener;
import dev.sab.schedulers.SafePoint;
import dev.sab.schedulers.Task;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;
import dev.sab.schedulers.internal.BlockingConn;
import dev.sab.schedulers.internal.BlockingListener;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * What a goroutine's system calls do (DESIGN.md's table, the gmp column):
 * <ul>
 *   <li>{@code sleep}: a timer on the current P's heap, armed by the M once the G has parked
 *       (Go: {@code time.Sleep} → {@code resetForSleep} → {@code gopark}); the JDK's timer thread
 *       is never involved.</li>
 *   <li>{@code cpu}: the calibrated kernel with a safe point about every microsecond, where a G
 *       that sysmon asked to stop yields to the global queue (Go: the preemption check in the
 *       function prologue, {@code gopreempt_m}).</li>
 *   <li>{@code safePoint}: the same check as {@code cpu}'s safe points, for loops that do not go
 *       through {@code cpu} (the workloads' kernels call it every few microseconds), so sysmon can
 *       preempt them as Go 1.14+ preempts a tight loop.</li>
 *   <li>{@code yield}: to the global queue (Go: {@code runtime.Gosched}).</li>
 *   <li>{@code spawn}: the same safe point, then the child into this P's runnext (Go:
 *       {@code newproc}, whose prologue is a preemption point like any call's).</li>
 *   <li>{@code blocking}: entersyscall, the call, exitsyscall; sysmon hands the P to another M if
 *       the call takes longer than a sysmon tick.</li>
 *   <li>{@code connect}/{@code listen}: blocking channels; the G parks and the JDK's poller
 *       readies it through the global queue, as Go's netpoller injects readied Gs.</li>
 * </ul>
 * Called only from a goroutine of this scheduler; from any other thread each call falls back to
 * the plain JDK call.
 */
final class GmpCtx implements Ctx {
    private final GmpScheduler scheduler;
    private final Sched sched;
    private final SafePoint safePoint;

    GmpCtx(GmpScheduler scheduler, Sched sched) {
        this.scheduler = scheduler;
        this.sched = sched;
        this.safePoint = sched.config.preempt() ? this::preemptionCheck : SafePoint.NONE;
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        long nanos = d.toNanos();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (nanos <= 0) {
            return; // Go: time.Sleep(0) returns at once
        }
        if (Goroutine.currentMachine(sched) == null) {
            Thread.sleep(d);
            return;
        }
        long when = sched.ticker.nanoTime() + nanos;
        Timers.Timer timer = new Timers.Timer(when, Thread.currentThread());
        // Parks first and reads the clock only after a park: a loop that tested the deadline
        // before its first park would run that test only one way while a million sleepers go to
        // sleep, the JIT would compile the other way as a trap, and every sleeper would then be
        // deoptimized as it woke (about 20 µs each; it was most of the CPU of a million-sleeper run).
        try {
            do {
                if (timer.state() == Timers.Timer.NEW) {
                    Machine m = Goroutine.currentMachine(sched);
                    m.pendingTimer = timer; // armed by the M once this G is off the CPU
                    LockSupport.park(this);
                    if (Goroutine.currentMachine(sched) == m && m.pendingTimer == timer) {
                        m.pendingTimer = null; // park returned at once (a stale permit): never left the CPU
                    }
                } else {
                    LockSupport.park(this);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            } while (sched.ticker.nanoTime() < when);
        } finally {
            timer.cancel(); // a timer still pending (interrupted, or woken at its deadline) must not fire later
        }
    }

    @Override
    public void cpu(long units) {
        CpuKernel.burn(units, safePoint);
    }

    @Override
    public void safePoint() {
        safePoint.poll();
    }

    /** The safe point: yields if sysmon asked this G's M to preempt it. */
    private void preemptionCheck() {
        Machine m = Goroutine.currentMachine(sched);
        if (m != null && m.preempt) {
            m.clearPreempt();
            m.yieldReason = Machine.YIELD_PREEMPT;
            Thread.yield();
            if (Goroutine.currentMachine(sched) == m && m.yieldReason == Machine.YIELD_PREEMPT) {
                m.yieldReason = Machine.YIELD_NONE; // pinned: the yield did not happen
            }
        }
    }

    @Override
    public void yield() {
        Machine m = Goroutine.currentMachine(sched);
        if (m == null) {
            Thread.yield();
            return;
        }
        m.yieldReason = Machine.YIELD_GOSCHED;
        Thread.yield();
        if (Goroutine.currentMachine(sched) == m && m.yieldReason == Machine.YIELD_GOSCHED) {
            m.yieldReason = Machine.YIELD_NONE;
        }
    }

    @Override
    public <T> T blocking(Callable<T> call) throws Exception {
        Machine m = Goroutine.currentMachine(sched);
        if (m == null || m.p == null || m.inSyscall()) {
            return call.call(); // not on one of our Ms, or already in a blocking call
        }
        m.entersyscall();
        try {
            return call.call();
        } finally {
            Machine.exitsyscall(sched);
        }
    }

    @Override
    public Conn connect(InetSocketAddress address) throws IOException {
        return BlockingConn.open(address);
    }

    @Override
    public Listener listen(InetSocketAddress address) throws IOException {
        return BlockingListener.open(address);
    }

    /**
     * {@code go f()}: a safe point first, then the child into this P's runnext. Go's
     * {@code newproc} is a function call, and a call's prologue is where a preemption request
     * stops a goroutine, so a loop of {@code go} statements is preempted like any other loop.
     */
    @Override
    public <T> TaskHandle<T> submit(ValueTask<T> child) {
        safePoint.poll();
        return scheduler.submitChild(child);
    }

    @Override
    public Agent agent() {
        return Agent.current();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
