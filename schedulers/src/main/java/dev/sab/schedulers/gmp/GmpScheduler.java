package dev.sab.schedulers.gmp;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;
import dev.sab.schedulers.internal.TaskAccounting;
import dev.sab.schedulers.internal.TaskRun;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code gmp}: the Scheduler SPI over the G-M-P model (see the package essay). A task is a
 * goroutine; spawning one from outside puts it on the global queue and gets an idle P an M,
 * spawning one from a goroutine puts it in that goroutine's P's runnext, as {@code go f()} does.
 *
 * <p>Shutdown is described in the package essay; {@link #close()} carries it out.
 */
final class GmpScheduler implements Scheduler {
    private static final long THREAD_EXIT_WAIT_MILLIS = 5_000;

    private final Sched sched;
    private final Goroutine goroutines;
    private final Sysmon sysmon;
    private final TaskAccounting tasks = new TaskAccounting();
    private final GmpCtx ctx;
    private final AtomicBoolean closed = new AtomicBoolean();

    GmpScheduler(GmpConfig config, Ticker ticker) {
        this.sched = new Sched("gmp", config, ticker);
        this.goroutines = new Goroutine(sched);
        this.sysmon = new Sysmon(sched);
        this.ctx = new GmpCtx(this, sched);
        sched.attachSysmon(sysmon);
        sysmon.start();
    }

    @Override
    public String name() {
        return "gmp";
    }

    @Override
    public <T> TaskHandle<T> submit(ValueTask<T> task) {
        if (closed.get()) {
            throw new IllegalStateException("scheduler gmp is closed");
        }
        return start(task);
    }

    /** Called only from a goroutine of this scheduler (through its Ctx): allowed while closing. */
    <T> TaskHandle<T> submitChild(ValueTask<T> task) {
        return start(task);
    }

    private <T> TaskHandle<T> start(ValueTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, ctx, tasks);
        tasks.spawned();
        try {
            goroutines.go(run);
        } catch (RuntimeException e) {
            run.cancel();
            throw new IllegalStateException("scheduler gmp refused a task: " + e.getMessage(), e);
        }
        return run;
    }

    /** The scheduler's internals, for tests in this package. */
    Sched sched() {
        return sched;
    }

    @Override
    public SchedulerMetrics metrics() {
        SchedulerMetrics.Builder b = SchedulerMetrics.builder("gmp");
        tasks.report(b);
        sched.metrics.report(b, sched);
        return b.build();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        tasks.awaitDrained();
        sysmon.stop();
        sched.shutdown();
        long deadline = System.currentTimeMillis() + THREAD_EXIT_WAIT_MILLIS;
        for (Machine m : sched.allm()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            try {
                m.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
