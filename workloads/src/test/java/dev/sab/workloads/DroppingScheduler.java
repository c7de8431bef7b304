package dev.sab.workloads;

import dev.sab.core.Agent;
import dev.sab.schedulers.Conn;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Listener;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.Task;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broken scheduler for tests: it wraps a real one and, once armed, silently drops one task, the
 * {@code n}-th spawned from outside or the {@code n}-th spawned by a task, returning a handle that
 * claims the task completed normally. A workload must notice. It can also tell tasks they run as an
 * agent of its choosing ({@link #tellTasksTheirAgentIs}), as an event loop tells its coroutines that
 * they may not block.
 */
final class DroppingScheduler implements Scheduler {
    private final Scheduler inner;
    private final AtomicInteger outsideCountdown = new AtomicInteger(-1);
    private final AtomicInteger childCountdown = new AtomicInteger(-1);
    private volatile Agent agent;

    DroppingScheduler(Scheduler inner) {
        this.inner = inner;
    }

    /** Drops the {@code n}-th (from 1) task spawned from outside from now on. */
    void dropOutsideSpawn(int n) {
        outsideCountdown.set(n);
    }

    /** Drops the {@code n}-th (from 1) task spawned by a task from now on. */
    void dropChildSpawn(int n) {
        childCountdown.set(n);
    }

    /** From now on, {@code ctx.agent()} answers {@code agent} in every task. */
    void tellTasksTheirAgentIs(Agent agent) {
        this.agent = agent;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public <T> TaskHandle<T> submit(ValueTask<T> task) {
        if (outsideCountdown.get() > 0 && outsideCountdown.decrementAndGet() == 0) {
            return new Dropped<>();
        }
        return inner.submit(ctx -> task.call(new DroppingCtx(ctx)));
    }

    @Override
    public SchedulerMetrics metrics() {
        return inner.metrics();
    }

    @Override
    public void close() {
        inner.close();
    }

    private final class DroppingCtx implements Ctx {
        private final Ctx ctx;

        DroppingCtx(Ctx ctx) {
            this.ctx = ctx;
        }

        @Override
        public TaskHandle<Void> spawn(Task child) {
            return submit(c -> {
                child.run(c);
                return null;
            });
        }

        @Override
        public <T> TaskHandle<T> submit(ValueTask<T> child) {
            if (childCountdown.get() > 0 && childCountdown.decrementAndGet() == 0) {
                return new Dropped<>();
            }
            return ctx.submit(c -> child.call(new DroppingCtx(c)));
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            ctx.sleep(d);
        }

        @Override
        public void cpu(long units) {
            ctx.cpu(units);
        }

        @Override
        public void yield() {
            ctx.yield();
        }

        @Override
        public <T> T blocking(Callable<T> call) throws Exception {
            return ctx.blocking(call);
        }

        @Override
        public Conn connect(InetSocketAddress address) throws IOException {
            return ctx.connect(address);
        }

        @Override
        public Listener listen(InetSocketAddress address) throws IOException {
            return ctx.listen(address);
        }

        @Override
        public <T> T await(CompletionStage<T> stage) throws Exception {
            return ctx.await(stage);
        }

        @Override
        public Agent agent() {
            Agent told = agent;
            return told != null ? told : ctx.agent();
        }

        @Override
        public long nanoTime() {
            return ctx.nanoTime();
        }
    }

    /** A handle that says its task completed with null; the task never ran. */
    private static final class Dropped<T> implements TaskHandle<T> {
        @Override
        public T join() {
            return null;
        }

        @Override
        public boolean join(Duration timeout) {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public T result() {
            return null;
        }

        @Override
        public Throwable exception() {
            return null;
        }

        @Override
        public boolean cancel() {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
