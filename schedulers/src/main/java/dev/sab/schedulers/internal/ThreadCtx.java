package dev.sab.schedulers.internal;

import dev.sab.core.Agent;
import dev.sab.schedulers.Conn;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Listener;
import dev.sab.schedulers.SafePoint;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.Task;
import dev.sab.schedulers.ValueTask;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The context of a task that owns a Java thread: every call is the plain JDK call, so what the
 * thread kind does (a virtual thread unmounting in {@code Thread.sleep}, a platform thread
 * blocking) is what gets measured. Stateless apart from its scheduler: one per scheduler.
 */
final class ThreadCtx implements Ctx {
    private final ThreadScheduler scheduler;

    ThreadCtx(ThreadScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d);
    }

    @Override
    public void cpu(long units) {
        CpuKernel.burn(units, SafePoint.NONE);
    }

    @Override
    public void yield() {
        Thread.yield();
    }

    @Override
    public <T> T blocking(Callable<T> call) throws Exception {
        return call.call();
    }

    @Override
    public Conn connect(InetSocketAddress address) throws IOException {
        return BlockingConn.open(address);
    }

    @Override
    public Listener listen(InetSocketAddress address) throws IOException {
        return BlockingListener.open(address);
    }

    @Override
    public <T> TaskHandle<T> submit(ValueTask<T> child) {
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
