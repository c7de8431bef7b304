package dev.sab.schedulers.eventloop;

import dev.sab.core.Agent;
import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.WaitAsyncResult;
import dev.sab.core.WaitResult;
import dev.sab.schedulers.eventloop.internal.IoWatcher;
import dev.sab.schedulers.eventloop.internal.LoopStats;
import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.ThreadPool;
import dev.sab.schedulers.eventloop.internal.UvLoop;
import dev.sab.schedulers.eventloop.internal.Watchdog;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A Node.js event loop: one thread, libuv's phases, Node's timers, immediates, nextTick and
 * promise queues, a thread pool for blocking work, TCP on a Selector, and coroutines for code
 * written in blocking style. See the package documentation for the model and its sources.
 *
 * <pre>{@code
 * EventLoop loop = EventLoop.create();
 * loop.run(() -> {                       // the main script: the first macrotask
 *     loop.setTimeout(() -> System.out.println("timeout"), 0);
 *     loop.setImmediate(() -> System.out.println("immediate"));
 *     loop.nextTick(() -> System.out.println("nextTick"));
 *     Promise.resolve().thenRun(() -> System.out.println("promise"));
 * });                                    // returns when nothing is left to do, as a Node process exits
 * loop.close();
 * }</pre>
 *
 * <h2>Threads</h2>
 * {@link #run} makes the calling thread the loop thread. Every method that schedules or touches
 * loop state must be called on that thread (from the main script, a callback, a microtask, or a
 * coroutine started with {@link #async}) and throws {@link IllegalStateException} anywhere else.
 * The thread-safe entry points are {@link AsyncHandle#send()} (libuv's {@code uv_async_send}),
 * {@link Promise#from} (adopting a {@link CompletionStage} completed anywhere), {@link #close()},
 * {@link #stats()} and {@link #eventLoopUtilization()}.
 */
public final class EventLoop implements AutoCloseable {
    private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int EXITED = 2;
    private static final int CLOSED = 3;

    final UvLoop uv;
    final TaskQueues queues;
    final TimerLists timers;
    final ImmediateQueue immediates;
    final Coroutines coroutines;
    private final EventLoopOptions options;
    private final String name;
    private final Agent agent;
    private final ThreadPool pool;
    private final boolean ownsPool;
    final CallbackScope scope;
    private final Inbox inbox;
    private final Watchdog watchdog;
    private final CountDownLatch exited = new CountDownLatch(1);
    private final Object stateLock = new Object();
    private final List<Runnable> beforeExit = new ArrayList<>();
    private final List<Runnable> exitHooks = new ArrayList<>(); // loop thread only: run as run() ends
    private final LoopInstrumentation instrumentation;
    private volatile int state = NEW; // written under stateLock
    private boolean closeRequested;   // close() called on the loop thread itself

    private EventLoop(EventLoopOptions options, ThreadPool sharedPool, Agent agent) {
        this.options = options;
        this.name = options.name();
        this.agent = agent;
        this.uv = new UvLoop(options.clock());
        this.ownsPool = sharedPool == null;
        this.pool = sharedPool != null ? sharedPool : new ThreadPool(options.threadPoolSize(), name + "-threadpool");
        uv.threadPool(pool);
        uv.ioRunner(this::runIo);
        this.queues = new TaskQueues(this, uv.stats());
        this.timers = new TimerLists(this);
        this.immediates = new ImmediateQueue(this);
        this.coroutines = new Coroutines(this);
        this.watchdog = options.watchdogEnabled()
                ? new Watchdog(uv, name, options.watchdogThreshold(), watchdogInterval(options.watchdogThreshold()),
                options.watchdogHandler(), options.watchdogAbort())
                : null;
        uv.watchdog(watchdog);
        this.scope = new CallbackScope(this, uv.stats(), watchdog);
        this.inbox = new Inbox(this, uv);
        this.instrumentation = new LoopInstrumentation(this);
    }

    /** A loop with the default options. */
    public static EventLoop create() {
        return create(EventLoopOptions.defaults());
    }

    public static EventLoop create(EventLoopOptions options) {
        Objects.requireNonNull(options, "options");
        String name = options.name().equals("eventloop") ? "eventloop-" + IDS.incrementAndGet() : options.name();
        EventLoopOptions named = new EventLoopOptions(name, options.threadPoolSize(), options.clock(), options.canBlock(),
                options.unhandledRejections(), options.watchdogThreshold(), options.watchdogHandler(), options.watchdogAbort());
        return new EventLoop(named, null, options.canBlock() ? Agent.blocking(name) : Agent.nonBlocking(name));
    }

    /** A worker's loop: its own thread and queues, its process's thread pool, an agent that may block. */
    static EventLoop createWorker(EventLoopOptions options, ThreadPool pool) {
        return new EventLoop(options, pool, Agent.blocking(options.name()));
    }

    /**
     * The loop of the calling thread (the loop thread, or a coroutine on it).
     *
     * @throws IllegalStateException when the caller is not on an event loop
     */
    public static EventLoop current() {
        EventLoop loop = CURRENT.get();
        if (loop == null) {
            throw new IllegalStateException("not on an event loop thread (" + Thread.currentThread().getName()
                    + "): call this from the main script given to EventLoop.run, or from a callback");
        }
        return loop;
    }

    /** Whether the calling thread is an event loop's thread or a coroutine on one. */
    public static boolean isLoopThread() {
        return CURRENT.get() != null;
    }

    public String name() {
        return name;
    }

    /** The ECMAScript agent the loop thread and its coroutines run as. */
    public Agent agent() {
        return agent;
    }

    /** The loop's cached time in ms ({@code uv_now}). Called only on the loop thread. */
    public long now() {
        checkThread("now");
        return uv.now();
    }

    public LoopClock clock() {
        return options.clock();
    }

    public EventLoopOptions options() {
        return options;
    }

    // ------------------------------------------------------------------ run and close

    /**
     * Runs {@code main} on the calling thread as the first macrotask, then the loop, until no
     * ref'd handle, request or pending callback remains (emitting {@link #onBeforeExit} listeners
     * once it empties), as a Node process runs a script and exits. Called once per loop, on a
     * platform thread.
     *
     * @throws RuntimeException what an uncaught exception or unhandled rejection ended the loop with
     *                          (with no {@link #onUncaughtException} handler), or
     *                          {@link LoopStalledException} when the watchdog aborted it
     */
    public void run(Runnable main) {
        Objects.requireNonNull(main, "main");
        Thread me = Thread.currentThread();
        if (me.isVirtual()) {
            throw new IllegalStateException("an event loop needs a platform thread: its coroutines are virtual threads it carries");
        }
        synchronized (stateLock) {
            if (state != NEW) {
                throw new IllegalStateException("event loop '" + name + "' has already run; make a new one");
            }
            state = RUNNING;
        }
        uv.bindThread(me);
        CURRENT.set(this);
        try {
            agent.runAs(() -> runLoop(main));
        } catch (CallbackScope.LoopAbort abort) {
            throw abort.rethrow();
        } finally {
            for (Runnable hook : List.copyOf(exitHooks)) {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    // an exit hook stops a worker; one that fails must not keep the others from running
                }
            }
            CURRENT.remove();
            if (watchdog != null) {
                watchdog.close();
            }
            uv.unbindThread();
            synchronized (stateLock) {
                if (state == RUNNING) {
                    state = EXITED;
                }
            }
            exited.countDown();
            if (closeRequested) {
                release();
            }
        }
    }

    private void runLoop(Runnable main) {
        uv.updateTime();
        instrumentation.loopStarted();
        if (watchdog != null) {
            watchdog.start();
        }
        scope.makeCallback(Phase.MAIN, main, main);
        boolean more;
        do {
            uv.run();
            if (uv.stopRequested()) {
                break;
            }
            more = uv.alive();
            if (!more && !beforeExit.isEmpty()) { // Node's EmitProcessBeforeExit
                for (Runnable listener : List.copyOf(beforeExit)) {
                    scope.makeCallback(Phase.MAIN, listener, listener);
                }
                more = uv.alive();
            }
        } while (more);
    }

    /**
     * Stops the loop and releases its selector and thread pool. On the loop thread it stops the
     * loop at its next phase boundary, dropping pending work (as {@code process.exit()} does, though
     * Node stops at once); on another thread it stops a running loop and waits for {@link #run} to
     * return. Idempotent.
     */
    @Override
    public void close() {
        if (uv.inLoopThread()) {
            closeRequested = true;
            uv.stopFromAnyThread();
            return; // run() releases once it has unwound
        }
        if (state == RUNNING) {
            uv.stopFromAnyThread();
            awaitExit();
        }
        release();
    }

    private void awaitExit() {
        boolean interrupted = false;
        while (true) {
            try {
                exited.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void release() {
        synchronized (stateLock) {
            if (state == CLOSED) {
                return;
            }
            state = CLOSED;
        }
        instrumentation.close();
        uv.close();
        if (ownsPool) {
            pool.shutdown();
        }
    }

    /** Runs {@code hook} on the loop thread when {@link #run} ends (Node stops its workers at exit). */
    void onExitHook(Runnable hook) {
        exitHooks.add(hook);
    }

    /** uv_stop from any thread: the loop leaves run() at the end of its iteration. */
    void stopFromAnyThread() {
        uv.stopFromAnyThread();
    }

    /** Whether {@link #run} has returned. Thread-safe. */
    public boolean hasExited() {
        return state >= EXITED;
    }

    // ------------------------------------------------------------------ timers and immediates

    /** {@code setTimeout(callback, ms)}: runs once in the timers phase, at least {@code ms} (minimum 1) later. */
    public Timeout setTimeout(Runnable callback, long ms) {
        checkThread("setTimeout");
        Timeout t = new Timeout(this, Objects.requireNonNull(callback, "callback"), ms, false, true);
        timers.insert(t, t.idleTimeout, nowForTimers());
        return t;
    }

    /** {@code setInterval(callback, ms)}: runs every {@code ms}, counted from the start of each run. */
    public Timeout setInterval(Runnable callback, long ms) {
        checkThread("setInterval");
        Timeout t = new Timeout(this, Objects.requireNonNull(callback, "callback"), ms, true, true);
        timers.insert(t, t.idleTimeout, nowForTimers());
        return t;
    }

    /** {@code clearTimeout(timeout)}; a null or finished timeout is ignored. */
    public void clearTimeout(Timeout timeout) {
        checkThread("clearTimeout");
        if (timeout != null && timeout.onTimeout != null) {
            timeout.onTimeout = null;
            timers.unenroll(timeout);
        }
    }

    /** {@code clearInterval(timeout)}: the same as clearTimeout, as in Node. */
    public void clearInterval(Timeout timeout) {
        clearTimeout(timeout);
    }

    /** {@code setImmediate(callback)}: runs in the check phase of this (or, from a check callback, the next) iteration. */
    public Immediate setImmediate(Runnable callback) {
        checkThread("setImmediate");
        return immediates.add(Objects.requireNonNull(callback, "callback"));
    }

    public void clearImmediate(Immediate immediate) {
        checkThread("clearImmediate");
        immediates.clear(immediate);
    }

    /** {@code process.nextTick(callback)}: runs before any promise job, at the end of the current callback. */
    public void nextTick(Runnable callback) {
        checkThread("nextTick");
        queues.nextTick(Objects.requireNonNull(callback, "callback"));
    }

    /** {@code queueMicrotask(callback)}: joins the promise jobs in V8's microtask queue. */
    public void queueMicrotask(Runnable callback) {
        checkThread("queueMicrotask");
        queues.enqueueMicrotask(Objects.requireNonNull(callback, "callback"));
    }

    /** {@code timers/promises.setTimeout(ms)}: a promise fulfilled by a timer. */
    public Promise<Void> delay(long ms) {
        checkThread("delay");
        Promise<Void> p = new Promise<>(this);
        setTimeout(() -> p.fulfillNow(null), ms);
        return p;
    }

    /** {@code timers/promises.setImmediate()}: a promise fulfilled in the next check phase. */
    public Promise<Void> immediate() {
        checkThread("immediate");
        Promise<Void> p = new Promise<>(this);
        setImmediate(() -> p.fulfillNow(null));
        return p;
    }

    private long nowForTimers() {
        uv.updateTime(); // getLibuvNow(): Node refreshes libuv's time on every insert
        return uv.now();
    }

    // ------------------------------------------------------------------ thread pool

    /**
     * {@code fs.readFile(path, callback)}: open, fstat, read and close, each a separate trip to the
     * thread pool as in Node; the callback gets the bytes or the error.
     */
    public void readFile(Path path, BiConsumer<Throwable, byte[]> callback) {
        checkThread("readFile");
        new ReadFileContext(this, path, callback).start();
    }

    /** libuv's {@code uv_queue_work}: {@code work} on the thread pool, {@code done} on the loop in the poll phase. */
    public <T> void queueWork(Callable<T> work, BiConsumer<Throwable, T> done) {
        checkThread("queueWork");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(done, "done");
        uv.queueWork(work, (result, error) -> scope.makeCallback(Phase.POLL, () -> {
            @SuppressWarnings("unchecked")
            T value = (T) result;
            done.accept(error, value);
        }, done));
    }

    /** {@link #queueWork(Callable, BiConsumer)} as a promise. */
    public <T> Promise<T> queueWork(Callable<T> work) {
        checkThread("queueWork");
        Promise<T> p = new Promise<>(this);
        uv.queueWork(work, (result, error) -> scope.makeCallback(Phase.POLL, () -> {
            if (error != null) {
                p.rejectNow(error);
            } else {
                @SuppressWarnings("unchecked")
                T value = (T) result;
                p.fulfillNow(value);
            }
        }, work));
        return p;
    }

    // ------------------------------------------------------------------ coroutines

    /**
     * Calls an async function: {@code body} runs now, on the loop, as a coroutine, until its first
     * {@link #await}; the returned promise settles with what it returns or throws.
     */
    public <T> Promise<T> async(Callable<T> body) {
        checkThread("async");
        return coroutines.start(Objects.requireNonNull(body, "body"));
    }

    /**
     * JavaScript's {@code await promise}, inside an async function ({@link #async}): suspends the
     * coroutine (the loop runs on) and resumes it as a microtask once {@code promise} settles;
     * returns its value or throws its rejection reason.
     *
     * @throws IllegalStateException outside a coroutine of the promise's loop
     */
    public static <T> T await(Promise<T> promise) throws Exception {
        Coroutine co = promise.loop.coroutines.currentIfCaller();
        if (co == null) {
            throw new IllegalStateException("await is only valid inside an async function of event loop '"
                    + promise.loop.name() + "' (EventLoop.async)");
        }
        @SuppressWarnings("unchecked")
        T value = (T) co.await(promise);
        return value;
    }

    /** {@code await} of a {@link CompletionStage} completed anywhere: adopted with {@link Promise#from} first. */
    public static <T> T await(CompletionStage<T> stage) throws Exception {
        return await(current().adopt(stage));
    }

    // ------------------------------------------------------------------ handles

    /** {@code net.createServer(onConnection)}: a TCP server handle; call {@link TcpServer#listen} on it. */
    public TcpServer createServer(Consumer<TcpSocket> onConnection) {
        checkThread("createServer");
        return new TcpServer(this, onConnection);
    }

    /** {@code net.connect(port, host, onConnect)}: a TCP connection to a loopback address. */
    public TcpSocket connect(InetSocketAddress address, Runnable onConnect) {
        checkThread("connect");
        return TcpSocket.connect(this, address, onConnect);
    }

    /** {@code uv_async_init}: a handle another thread may {@link AsyncHandle#send()} to, to run {@code callback} here. */
    public AsyncHandle createAsync(Runnable callback) {
        checkThread("createAsync");
        return new AsyncHandle(this, callback);
    }

    // ------------------------------------------------------------------ process events

    /** {@code process.on('uncaughtException', handler)}: with a handler, an exception thrown by a callback no longer ends the loop. */
    public void onUncaughtException(Consumer<Throwable> handler) {
        checkThread("onUncaughtException");
        scope.onUncaughtException(handler);
    }

    /** {@code process.on('unhandledRejection', handler)}: told of each rejection nothing handled by the end of a drain. */
    public void onUnhandledRejection(BiConsumer<Throwable, Promise<?>> handler) {
        checkThread("onUnhandledRejection");
        scope.onUnhandledRejection(handler);
    }

    /** {@code process.on('beforeExit', listener)}: runs when the loop has emptied; scheduling work keeps it going. */
    public void onBeforeExit(Runnable listener) {
        checkThread("onBeforeExit");
        beforeExit.add(Objects.requireNonNull(listener, "listener"));
    }

    // ------------------------------------------------------------------ instrumentation

    /** {@code performance.eventLoopUtilization()}: idle and active time since the loop started. Thread-safe. */
    public EventLoopUtilization eventLoopUtilization() {
        return instrumentation.utilization();
    }

    /** {@code performance.eventLoopUtilization(previous)}: the difference since {@code previous}. Thread-safe. */
    public EventLoopUtilization eventLoopUtilization(EventLoopUtilization previous) {
        return instrumentation.utilization().since(previous);
    }

    /** {@code perf_hooks.monitorEventLoopDelay()}: a histogram sampled every 10 ms, not yet enabled. */
    public EventLoopDelayMonitor monitorEventLoopDelay() {
        return monitorEventLoopDelay(EventLoopDelayMonitor.DEFAULT_RESOLUTION_MS);
    }

    /** {@code perf_hooks.monitorEventLoopDelay({resolution})}. Called only on the loop thread. */
    public EventLoopDelayMonitor monitorEventLoopDelay(int resolutionMs) {
        checkThread("monitorEventLoopDelay");
        return instrumentation.delayMonitor(resolutionMs);
    }

    /** The loop's counters: iterations, callbacks per phase, microtasks, idle time, thread pool. Thread-safe. */
    public EventLoopStats stats() {
        return instrumentation.stats();
    }

    // ------------------------------------------------------------------ the callback scope

    /** Throws unless the caller is this loop's thread or a coroutine on it. */
    void checkThread(String what) {
        if (!uv.inLoopThread()) {
            throw new IllegalStateException(what + " must be called on the thread of event loop '" + name
                    + "' (it was called on '" + Thread.currentThread().getName() + "')"
                    + (state == NEW ? "; the loop has not started: call it from the main script given to run()" : ""));
        }
    }

    /** libuv calling a handle's I/O callback: the handle makes its own callbacks into user code (MakeCallback). */
    private void runIo(IoWatcher watcher, int readyOps) {
        try {
            watcher.dispatchReady(readyOps);
        } catch (CallbackScope.LoopAbort abort) {
            throw abort;
        } catch (Throwable t) {
            scope.uncaught(t);
        }
    }

    /** Posts {@code task} to run on the loop as a poll-phase callback. Thread-safe. */
    void postFromAnyThread(Runnable task) {
        inbox.post(task);
    }

    /** Promise.from: a promise settled by {@code stage}, posted here from wherever it completes. */
    <T> Promise<T> adopt(CompletionStage<T> stage) {
        checkThread("Promise.from");
        return inbox.adopt(stage, true);
    }

    /**
     * {@code Atomics.waitAsync(ta, index, value)} as a promise of this loop: fulfilled at once with
     * not-equal or timed-out when the result is known at once (JavaScript's {@code async: false}),
     * otherwise once a notify reaches the waiter or the wait times out, the settlement arriving
     * through the poll phase as V8's task does. As in Node, a pending wait does not keep the loop
     * alive by itself. Called only on the loop thread.
     */
    public Promise<WaitResult> waitAsync(Int32Array ta, int index, int value) {
        return waitAsync(ta, index, value, Double.POSITIVE_INFINITY);
    }

    /** {@link #waitAsync(Int32Array, int, int)} with a timeout in ms. */
    public Promise<WaitResult> waitAsync(Int32Array ta, int index, int value, double timeoutMs) {
        checkThread("waitAsync");
        WaitAsyncResult r = Atomics.waitAsync(ta, index, value, timeoutMs);
        if (!r.async()) {
            return Promise.resolved(this, r.value());
        }
        return inbox.adopt(r.promise(), false);
    }

    /** Binds a coroutine's virtual thread to its loop and agent. Called on the coroutine's thread. */
    static void bindCoroutine(EventLoop loop) {
        CURRENT.set(loop);
        loop.agent.bindToCurrentThread();
    }

    ThreadPool threadPool() {
        return pool;
    }

    LoopStats loopStats() {
        return uv.stats();
    }

    Watchdog watchdog() {
        return watchdog;
    }

    private static Duration watchdogInterval(Duration threshold) {
        Duration quarter = threshold.dividedBy(4);
        return quarter.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : quarter;
    }

    @Override
    public String toString() {
        return "EventLoop[" + name + ", " + switch (state) {
            case NEW -> "new";
            case RUNNING -> "running";
            case EXITED -> "exited";
            default -> "closed";
        } + "]";
    }


}
