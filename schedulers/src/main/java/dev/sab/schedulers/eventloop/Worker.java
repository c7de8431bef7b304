package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.StructuredClone;
import dev.sab.schedulers.eventloop.internal.UvAsync;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Node's {@code worker_threads.Worker}: a script on its own thread with its own event loop, talking
 * to the thread that started it only by messages.
 *
 * <ul>
 *   <li>A message is a structured clone made at {@code postMessage} (see {@link StructuredClone}):
 *       the receiver never shares an object with the sender, except shared memory
 *       (SharedArrayBuffer), which is shared, and buffers in the transfer list, which move.</li>
 *   <li>The worker's loop shares its process's thread pool, as Node's workers share libuv's, and
 *       runs as an agent that may block in {@code Atomics.wait}.</li>
 *   <li>The parent's loop stays alive until the worker exits (unless {@link #unref()}); the
 *       worker's loop stays alive while its {@code parentPort} listens or it has other work.</li>
 *   <li>Events on the parent: online, message, error (an uncaught exception ended the worker), exit
 *       (code 0 when the worker's loop emptied, 1 after an error or {@link #terminate()}).</li>
 * </ul>
 *
 * <p>Made on, and called only on, the parent's loop thread. Left out: MessageChannel (ports other
 * than parentPort), resourceLimits, and stopping a callback mid-run ({@link #terminate()} stops the
 * worker at its next callback boundary; V8's TerminateExecution has no Java counterpart).
 */
public final class Worker {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger(); // Node: the first worker is threadId 1

    private final EventLoop parent;
    private final EventLoop child;
    private final int threadId;
    private final PortQueue toWorker = new PortQueue();
    private final PortQueue toParent = new PortQueue();
    private final ConcurrentLinkedQueue<Runnable> events = new ConcurrentLinkedQueue<>();
    private final UvAsync lifeline; // on the parent: delivers online/error/exit and holds the parent alive
    private final Thread thread;
    private final Promise<Integer> exited;
    private Consumer<Object> onMessage;
    private Consumer<Throwable> onError;
    private IntConsumer onExit;
    private Runnable onOnline;
    private volatile int requestedExitCode = -1; // set by terminate() (parent) or exit() (worker); read by the worker thread as it ends
    private boolean hasExited;

    /** {@code new Worker(script)}. */
    public Worker(WorkerScript script) {
        this(script, null, List.of());
    }

    /** {@code new Worker(script, { workerData })}. */
    public Worker(WorkerScript script, Object workerData) {
        this(script, workerData, List.of());
    }

    /** {@code new Worker(script, { workerData, transferList })}. */
    public Worker(WorkerScript script, Object workerData, List<?> transferList) {
        Objects.requireNonNull(script, "script");
        this.parent = EventLoop.current();
        this.threadId = THREAD_IDS.incrementAndGet();
        Object data = StructuredClone.copy(workerData, transferList);
        EventLoopOptions po = parent.options();
        EventLoopOptions childOptions = new EventLoopOptions(parent.name() + "-worker-" + threadId, po.threadPoolSize(),
                po.clock(), true, po.unhandledRejections(), java.time.Duration.ZERO, po.watchdogHandler(), false);
        this.child = EventLoop.createWorker(childOptions, parent.threadPool());
        this.exited = new Promise<>(parent);
        toParent.attach(parent);
        toParent.listen(this::emitMessage);
        toParent.unref(); // the lifeline, not the port, holds the parent alive
        this.lifeline = new UvAsync(parent.uv, this::drainEvents);
        parent.onExitHook(this::terminateOnParentExit);
        MessagePort parentPort = new MessagePort(child, toWorker, toParent);
        this.thread = Thread.ofPlatform().name(childOptions.name()).unstarted(() -> runWorker(script, parentPort, data));
        thread.start();
    }

    private void runWorker(WorkerScript script, MessagePort parentPort, Object data) {
        int code = 0;
        try {
            child.run(() -> {
                toWorker.attach(child);
                event(() -> emit(onOnline));
                try {
                    script.run(new WorkerContext(child, parentPort, data, threadId, this));
                } catch (Exception e) {
                    throw Promise.<RuntimeException>sneakyThrow(e);
                }
            });
        } catch (Throwable t) {
            code = 1;
            Object cloned;
            try {
                cloned = StructuredClone.copy(t, List.of());
            } catch (RuntimeException e) {
                cloned = new RuntimeException(t.toString());
            }
            Throwable error = (Throwable) cloned;
            event(() -> {
                if (onError != null) {
                    onError.accept(error);
                }
            });
        } finally {
            child.close();
        }
        int requested = requestedExitCode;
        int exitCode = requested >= 0 ? requested : code;
        event(() -> finishExit(exitCode));
    }

    private void event(Runnable r) {
        events.offer(r);
        lifeline.send();
    }

    private void drainEvents() {
        Runnable r;
        while ((r = events.poll()) != null) {
            parent.scope.makeCallback(Phase.POLL, r, r);
        }
    }

    private void finishExit(int code) {
        if (hasExited) {
            return;
        }
        hasExited = true;
        toParent.drainNow(); // Node delivers the worker's last messages before 'exit'
        toParent.close();
        toWorker.close();
        lifeline.close(null);
        if (onExit != null) {
            onExit.accept(code);
        }
        exited.fulfillNow(code);
    }

    private void emitMessage(Object message) {
        if (onMessage != null) {
            onMessage.accept(message);
        }
    }

    private static void emit(Runnable listener) {
        if (listener != null) {
            listener.run();
        }
    }

    // ------------------------------------------------------------------ the parent's side

    /** {@code worker.postMessage(value)}: the worker gets a structured clone made now. */
    public void postMessage(Object value) {
        postMessage(value, List.of());
    }

    /** {@code worker.postMessage(value, transferList)}. */
    public void postMessage(Object value, List<?> transferList) {
        parent.checkThread("Worker.postMessage");
        toWorker.post(StructuredClone.copy(value, transferList));
    }

    public Worker onMessage(Consumer<Object> listener) {
        parent.checkThread("Worker.onMessage");
        this.onMessage = listener;
        return this;
    }

    /** Told of the exception that ended the worker (a clone of it), before 'exit'. */
    public Worker onError(Consumer<Throwable> listener) {
        parent.checkThread("Worker.onError");
        this.onError = listener;
        return this;
    }

    public Worker onExit(IntConsumer listener) {
        parent.checkThread("Worker.onExit");
        this.onExit = listener;
        return this;
    }

    public Worker onOnline(Runnable listener) {
        parent.checkThread("Worker.onOnline");
        this.onOnline = listener;
        return this;
    }

    /**
     * {@code worker.terminate()}: stops the worker at its next callback boundary (a callback
     * already running is not interrupted); the promise fulfils with the exit code, 1.
     */
    public Promise<Integer> terminate() {
        parent.checkThread("Worker.terminate");
        if (!hasExited && requestedExitCode < 0) {
            requestedExitCode = 1;
            child.stopFromAnyThread();
        }
        return exited;
    }

    /** Called on the worker's loop thread by {@link WorkerContext#exit}. */
    void exitFromWorker(int code) {
        if (requestedExitCode < 0) {
            requestedExitCode = code;
        }
        child.close();
    }

    private void terminateOnParentExit() {
        if (!hasExited) {
            requestedExitCode = 1;
            child.stopFromAnyThread(); // Node stops every worker when its process exits
        }
    }

    /** {@code worker.ref()}: the worker keeps the parent's loop alive (the default). */
    public Worker ref() {
        parent.checkThread("Worker.ref");
        if (!hasExited) {
            lifeline.ref();
        }
        return this;
    }

    /** {@code worker.unref()}: the parent's loop may exit while the worker runs. */
    public Worker unref() {
        parent.checkThread("Worker.unref");
        if (!hasExited) {
            lifeline.unref();
        }
        return this;
    }

    /** {@code worker.threadId}. */
    public int threadId() {
        return threadId;
    }

    /** Thread-safe: whether the worker's thread has ended. */
    public boolean isAlive() {
        return thread.isAlive();
    }
}
