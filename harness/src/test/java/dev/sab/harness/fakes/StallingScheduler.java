package dev.sab.harness.fakes;

import dev.sab.core.Agent;
import dev.sab.schedulers.Conn;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Listener;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.SchedulerProvider;
import dev.sab.schedulers.SettingInfo;
import dev.sab.schedulers.Settings;
import dev.sab.schedulers.Task;
import dev.sab.schedulers.TaskFailedException;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A test scheduler with an injected stall: one worker thread runs tasks in FIFO order and, just
 * before starting task number {@code after}, stops for {@code stall} (a GC pause, a blocked event
 * loop) — once. Registered through ServiceLoader from the test class path, so forked trial JVMs
 * can build it too.
 */
public final class StallingScheduler implements Scheduler {

    /** {@code stall:after=N,stall=D}. */
    public static final class Provider implements SchedulerProvider {
        @Override
        public SchedulerInfo info() {
            return new SchedulerInfo("stall", "test only: one FIFO worker that stops once for `stall` before task `after`",
                    List.of(new SettingInfo("after", SettingInfo.Type.NON_NEGATIVE_INT, "100", "tasks started before the stall"),
                            new SettingInfo("stall", SettingInfo.Type.DURATION, "200ms", "how long the worker stops"),
                            new SettingInfo("closeStall", SettingInfo.Type.DURATION, "0s",
                                    "how long close() hangs first, as a scheduler that lost a task would")));
        }

        @Override
        public Scheduler create(Settings settings) {
            return new StallingScheduler(settings.intValue("after"), settings.duration("stall"), settings.duration("closeStall"));
        }
    }

    private final int stallBefore;
    private final Duration stall;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final AtomicLong spawned = new AtomicLong();
    private final AtomicLong started = new AtomicLong(); // written by the worker only
    private volatile boolean closed;

    private final Duration closeStall;

    StallingScheduler(int stallBefore, Duration stall, Duration closeStall) {
        this.stallBefore = stallBefore;
        this.stall = stall;
        this.closeStall = closeStall;
        this.worker = Thread.ofPlatform().name("stall-worker").daemon(true).start(this::work);
    }

    private void work() {
        try {
            while (true) {
                Runnable next = queue.take();
                if (next == POISON) {
                    return;
                }
                if (started.getAndIncrement() == stallBefore) {
                    Thread.sleep(stall);
                }
                next.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Runnable POISON = () -> { };

    @Override
    public String name() {
        return "stall";
    }

    @Override
    public <T> TaskHandle<T> submit(ValueTask<T> task) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        spawned.incrementAndGet();
        Handle<T> handle = new Handle<>();
        queue.add(() -> {
            if (handle.future.isDone()) {
                return;
            }
            try {
                handle.future.complete(task.call(new WorkerCtx()));
            } catch (Throwable t) {
                handle.future.completeExceptionally(t);
            }
        });
        return handle;
    }

    @Override
    public SchedulerMetrics metrics() {
        return SchedulerMetrics.builder("stall")
                .counter("tasksSpawned", "tasks", spawned.get(), "tasks handed to the scheduler")
                .build();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long end = System.nanoTime() + closeStall.toNanos();
        while (end - System.nanoTime() > 0) {
            LockSupport.parkNanos(end - System.nanoTime());
        }
        queue.add(POISON);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class WorkerCtx implements Ctx {
        @Override
        public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d);
        }

        @Override
        public void cpu(long units) {
            CpuKernel.burn(units, () -> { });
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
            throw new IOException("the stall scheduler has no sockets");
        }

        @Override
        public Listener listen(InetSocketAddress address) throws IOException {
            throw new IOException("the stall scheduler has no sockets");
        }

        @Override
        public TaskHandle<Void> spawn(Task child) {
            return StallingScheduler.this.spawn(child);
        }

        @Override
        public <T> TaskHandle<T> submit(ValueTask<T> child) {
            return StallingScheduler.this.submit(child);
        }

        @Override
        public Agent agent() {
            return Agent.DEFAULT;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    }

    private static final class Handle<T> implements TaskHandle<T> {
        final CompletableFuture<T> future = new CompletableFuture<>();

        @Override
        public T join() throws InterruptedException {
            try {
                return future.get();
            } catch (ExecutionException e) {
                throw new TaskFailedException(e.getCause());
            }
        }

        @Override
        public boolean join(Duration timeout) throws InterruptedException {
            try {
                future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CancellationException e) {
                return true;
            } catch (TimeoutException e) {
                return false;
            }
            return true;
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public T result() {
            if (!future.isDone()) {
                throw new IllegalStateException("not finished");
            }
            try {
                return future.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw new TaskFailedException(e.getCause());
            }
        }

        @Override
        public Throwable exception() {
            return switch (future.state()) {
                case FAILED -> future.exceptionNow();
                case CANCELLED -> new CancellationException();
                default -> null;
            };
        }

        @Override
        public boolean cancel() {
            return future.cancel(false);
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }
    }
}
