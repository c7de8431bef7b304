package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.core.Agent;
import dev.sab.schedulers.Conn;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Listener;
import dev.sab.schedulers.SafePoint;
import dev.sab.schedulers.Task;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;
import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;
import dev.sab.schedulers.eventloop.Timeout;
import dev.sab.schedulers.eventloop.WorkerPool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * The system-call surface of a task running as a coroutine on an event loop: every call is what a
 * Node program would do, awaited.
 *
 * <ul>
 *   <li>{@code sleep}: {@code await setTimeout(ms)} from timers/promises (a loop timer resolving a
 *       promise; the task resumes as a microtask), Node's 1 ms minimum and truncation included;</li>
 *   <li>{@code cpu}: burns on the loop thread, blocking the loop (or, with {@code workers=N}, awaits
 *       the worker pool for calls of at least {@code offload} units);</li>
 *   <li>{@code yield}: {@code await setImmediate()}: I/O and timers get their turn;</li>
 *   <li>{@code blocking}: {@code await} a thread-pool job ({@code uv_queue_work});</li>
 *   <li>{@code connect}/{@code listen}: TCP handles on the loop's Selector;</li>
 *   <li>{@code await}: JavaScript's await.</li>
 * </ul>
 *
 * <p>Called only from a coroutine on {@code process}'s loop.
 */
final class LoopCtx implements Ctx {
    private final EventLoopScheduler scheduler;
    private final LoopProcess process;
    private final EventLoop loop;

    LoopCtx(EventLoopScheduler scheduler, LoopProcess process) {
        this.scheduler = scheduler;
        this.process = process;
        this.loop = process.loop();
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        Promise.Resolvers<Void> woken = Promise.withResolvers();
        Timeout timer = loop.setTimeout(() -> woken.resolve().accept(null), d.toMillis()); // Node truncates to ms, minimum 1
        try {
            EventLoop.await(woken.promise());
        } catch (InterruptedException e) {
            loop.clearTimeout(timer);
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void cpu(long units) {
        WorkerPool pool = process.cpuPoolFor(units);
        if (pool == null) {
            CpuKernel.burn(units, SafePoint.NONE); // JavaScript cannot be preempted: the loop waits
            return;
        }
        try {
            EventLoop.await(pool.run(units));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cpu work on the worker pool failed: " + e, e);
        }
    }

    @Override
    public void yield() {
        try {
            EventLoop.await(loop.immediate());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> T blocking(Callable<T> call) throws Exception {
        return EventLoop.await(loop.queueWork(call));
    }

    @Override
    public Conn connect(InetSocketAddress address) throws IOException {
        return LoopConn.connect(loop, address);
    }

    @Override
    public Listener listen(InetSocketAddress address) throws IOException {
        return LoopListener.open(scheduler, process, address);
    }

    @Override
    public <T> TaskHandle<T> submit(ValueTask<T> child) {
        return scheduler.startChild(process, child);
    }

    @Override
    public <T> T await(CompletionStage<T> stage) throws Exception {
        return EventLoop.await(stage);
    }

    @Override
    public Agent agent() {
        return loop.agent();
    }

    @Override
    public long nanoTime() {
        return loop.clock().nanoTime();
    }
}
