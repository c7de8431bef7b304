package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.schedulers.TaskFailedException;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;
import dev.sab.schedulers.eventloop.Timeout;
import dev.sab.schedulers.internal.TaskRun;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A task's handle on an event loop. Joining from a coroutine awaits (the loop runs on while the
 * joiner is suspended, as {@code await promise} does); joining from any other thread parks that
 * thread. Everything else is the shared {@link TaskRun}'s.
 */
final class LoopTaskHandle<T> implements TaskHandle<T> {
    private final TaskRun<T> run;

    LoopTaskHandle(TaskRun<T> run) {
        this.run = run;
    }

    @Override
    public T join() throws InterruptedException {
        if (!inCoroutine()) {
            return run.join();
        }
        try {
            return EventLoop.await(run.outcome());
        } catch (InterruptedException | CancellationException e) {
            throw e;
        } catch (Exception e) {
            throw new TaskFailedException(e);
        }
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        if (!inCoroutine()) {
            return run.join(timeout);
        }
        if (run.isDone()) {
            return true;
        }
        EventLoop loop = EventLoop.current();
        Promise.Resolvers<Boolean> outcome = Promise.withResolvers();
        Timeout timer = loop.setTimeout(() -> outcome.resolve().accept(false), Math.max(1, timeout.toMillis()));
        CompletableFuture<Boolean> done = run.outcome().handle((v, e) -> true);
        Promise.from(done).thenAccept(v -> {
            loop.clearTimeout(timer);
            outcome.resolve().accept(true);
        });
        try {
            return EventLoop.await(outcome.promise());
        } catch (InterruptedException e) {
            loop.clearTimeout(timer);
            throw e;
        } catch (Exception e) {
            return true;
        }
    }

    /** Whether the caller is a coroutine that may await (on a loop, not the bare loop thread). */
    private static boolean inCoroutine() {
        return EventLoop.isLoopThread() && Thread.currentThread().isVirtual();
    }

    @Override
    public boolean isDone() {
        return run.isDone();
    }

    @Override
    public T result() {
        return run.result();
    }

    @Override
    public Throwable exception() {
        return run.exception();
    }

    @Override
    public boolean cancel() {
        return run.cancel();
    }

    @Override
    public boolean isCancelled() {
        return run.isCancelled();
    }
}
