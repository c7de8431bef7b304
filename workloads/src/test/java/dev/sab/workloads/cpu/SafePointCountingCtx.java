package dev.sab.workloads.cpu;

import dev.sab.core.Agent;
import dev.sab.schedulers.Conn;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Listener;
import dev.sab.schedulers.Task;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;

/** A Ctx for running a kernel on the test thread: counts safe points, refuses everything else. */
final class SafePointCountingCtx implements Ctx {
    private long safePoints;

    @Override
    public void safePoint() {
        safePoints++;
    }

    /** Safe points passed since the last call. */
    long takeCount() {
        long n = safePoints;
        safePoints = 0;
        return n;
    }

    @Override
    public void sleep(Duration d) {
        throw new UnsupportedOperationException("sleep");
    }

    @Override
    public void cpu(long units) {
        throw new UnsupportedOperationException("cpu");
    }

    @Override
    public void yield() {
        throw new UnsupportedOperationException("yield");
    }

    @Override
    public <T> T blocking(Callable<T> call) {
        throw new UnsupportedOperationException("blocking");
    }

    @Override
    public Conn connect(InetSocketAddress address) {
        throw new UnsupportedOperationException("connect");
    }

    @Override
    public Listener listen(InetSocketAddress address) {
        throw new UnsupportedOperationException("listen");
    }

    @Override
    public TaskHandle<Void> spawn(Task child) {
        throw new UnsupportedOperationException("spawn");
    }

    @Override
    public <T> TaskHandle<T> submit(ValueTask<T> child) {
        throw new UnsupportedOperationException("submit");
    }

    @Override
    public Agent agent() {
        throw new UnsupportedOperationException("agent");
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
