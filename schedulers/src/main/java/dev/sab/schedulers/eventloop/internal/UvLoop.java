package dev.sab.schedulers.eventloop.internal;

import dev.sab.schedulers.eventloop.LoopClock;
import dev.sab.schedulers.eventloop.VirtualClock;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The libuv loop ({@code uv_loop_t} and {@code uv_run(UV_RUN_DEFAULT)}, libuv 1.46 as in Node 20):
 * the C half of the model. It knows handles, requests, phases and time, and nothing of JavaScript:
 * Node's layer (timer lists, immediates, nextTick and promises) sits on top in the API package and
 * reaches the loop only through handles, as Node's bindings do.
 *
 * <h2>One iteration</h2>
 * {@link #run()} is {@code uv_run}: timers once before the first iteration, then while the loop is
 * alive: pending callbacks, idle, prepare, poll (blocking up to the nearest timer, not at all when
 * an idle handle is active or callbacks are pending), up to eight more rounds of pending callbacks,
 * check, close callbacks, then an update of the cached time and the timers. A loop is alive while
 * it has an active ref'd handle, an in-flight request, a pending callback or a closing handle.
 *
 * <h2>Time</h2>
 * The loop caches "now" in whole milliseconds, as {@code uv_now} does, updated before timers and
 * on request; time comes from an injected {@link LoopClock}. With a {@link VirtualClock}, a poll
 * phase that would block with nothing in flight but timers advances the clock to the next timer
 * instead of sleeping (Tokio's paused-clock auto-advance), so timer logic is tested without waiting.
 *
 * <p>Called only on the loop thread, except {@link #fireAsync}, {@link #completeWork} and
 * {@link #stopFromAnyThread}, which any thread may call.
 */
public final class UvLoop implements AutoCloseable {

    /** Runs an I/O callback the way the layer above wants it run (Node drains microtasks after it). */
    @FunctionalInterface
    public interface IoRunner {
        void run(IoWatcher watcher, int readyOps);
    }

    private final LoopClock clock;
    private final VirtualClock virtualClock; // the same clock when it is virtual, else null
    private final long baseNanos;
    private final Poller poller = new Poller();
    private final LoopStats stats = new LoopStats();
    final TimerHeap timers = new TimerHeap();
    private final RingQueue<Runnable> pending = new RingQueue<>();
    private final List<UvPhaseHandle> idleHandles = new ArrayList<>();
    private final List<UvPhaseHandle> prepareHandles = new ArrayList<>();
    private final List<UvPhaseHandle> checkHandles = new ArrayList<>();
    private UvPhaseHandle[] phaseScratch = new UvPhaseHandle[8];
    private UvHandle closingHead;
    private final ConcurrentLinkedQueue<UvAsync> firedAsyncs = new ConcurrentLinkedQueue<>();
    private final ArrayList<UvAsync> asyncScratch = new ArrayList<>();
    private final ConcurrentLinkedQueue<WorkRequest> completedWork = new ConcurrentLinkedQueue<>();
    private volatile boolean asyncPending; // a send is waiting for the poll phase (pairs with sleeping)
    private volatile boolean sleeping;     // the loop is, or is about to be, blocked in select
    private volatile boolean stopRequested; // set by any thread, read at phase boundaries and before blocking (with sleeping)
    private volatile long blockedSince;    // clock nanos when the current blocking poll began; 0 when not blocked
    private UvAsync workAsync;             // the pool's completion wake-up, libuv's wq_async; made on first use
    private IoRunner ioRunner = (w, ops) -> {
        try {
            w.dispatchReady(ops);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };
    private Watchdog watchdog;
    private ThreadPool threadPool;
    private Thread thread;
    private Thread mountedCoroutine; // the coroutine running on the loop thread right now, if any
    private Phase phase = Phase.MAIN;
    private long time;               // cached loop time, ms since baseNanos
    private boolean stopFlag;
    int activeHandles;               // active and ref'd, maintained by UvHandle
    private int activeReqs;
    long timerCounter;               // libuv's timer_counter: start order of timers

    public UvLoop(LoopClock clock) {
        this.clock = clock;
        this.virtualClock = clock instanceof VirtualClock v ? v : null;
        this.baseNanos = clock.nanoTime();
    }

    // ---------------------------------------------------------------- threads

    /** Binds the loop to the calling thread: from now on it is the loop thread. */
    public void bindThread(Thread t) {
        if (thread != null && thread != t) {
            throw new IllegalStateException("the loop already runs on " + thread.getName());
        }
        thread = t;
    }

    /** The loop has exited: no thread is its loop thread any more. */
    public void unbindThread() {
        thread = null;
        mountedCoroutine = null;
    }

    public Thread thread() {
        return thread;
    }

    /** Whether the caller is the loop thread or the coroutine currently mounted on it. */
    public boolean inLoopThread() {
        Thread t = Thread.currentThread();
        return t == thread || (t == mountedCoroutine && t != null);
    }

    /**
     * Whether the caller may touch loop state: the loop thread (or its mounted coroutine), or any
     * single thread setting the loop up before it has a thread ({@link #run()} binds one).
     */
    public boolean ownedByCaller() {
        return thread == null || inLoopThread();
    }

    /** Called only on the loop thread, by the coroutine dispatcher. */
    public void mountedCoroutine(Thread coroutine) {
        mountedCoroutine = coroutine;
    }

    public Thread mountedCoroutine() {
        return mountedCoroutine;
    }

    // ---------------------------------------------------------------- time

    /** {@code uv_now}: the cached loop time in ms. */
    public long now() {
        return time;
    }

    /** {@code uv_update_time}: refreshes the cached time from the clock. */
    public void updateTime() {
        time = (clock.nanoTime() - baseNanos) / 1_000_000L;
    }

    public LoopClock clock() {
        return clock;
    }

    /** When the blocking poll in progress began (clock nanos), or 0. Thread-safe. */
    public long blockedSinceNanos() {
        return blockedSince;
    }

    /** Nanoseconds on the loop's clock (not cached). */
    public long nanoTime() {
        return clock.nanoTime();
    }

    // ---------------------------------------------------------------- uv_run

    /** {@code uv_run(UV_RUN_DEFAULT)}: runs until the loop is not alive or is stopped; returns whether it is still alive. */
    public boolean run() {
        assert inLoopThread();
        boolean alive = alive();
        if (!alive) {
            updateTime();
        }
        if (alive && !stopFlag) {
            updateTime();
            enter(Phase.TIMERS);
            runTimers();
        }
        while (alive && !stopFlag) {
            stats.increment(LoopStats.ITERATIONS);
            enter(Phase.PENDING);
            runPending();
            enter(Phase.IDLE);
            runPhaseHandles(idleHandles);
            enter(Phase.PREPARE);
            runPhaseHandles(prepareHandles);
            long timeout = backendTimeout();
            enter(Phase.POLL);
            poll(timeout);
            for (int r = 0; r < 8 && !pending.isEmpty(); r++) { // libuv: bounded, against starvation
                enter(Phase.PENDING);
                runPending();
            }
            enter(Phase.CHECK);
            runPhaseHandles(checkHandles);
            enter(Phase.CLOSE);
            runClosingHandles();
            updateTime();
            enter(Phase.TIMERS);
            runTimers();
            stats.publish();
            alive = alive();
        }
        stats.publish();
        stopFlag = false;
        return alive;
    }

    private void enter(Phase p) {
        phase = p;
        if (watchdog != null) {
            watchdog.enterPhase(p);
        }
        if (stopRequested) {
            stopFlag = true;
        }
    }

    /** The phase the loop is in now. */
    public Phase phase() {
        return phase;
    }

    /** {@code uv_loop_alive}. */
    public boolean alive() {
        return activeHandles > 0 || activeReqs > 0 || !pending.isEmpty() || closingHead != null;
    }

    /** {@code uv_stop}: the loop leaves {@link #run()} at the end of this iteration. */
    public void stop() {
        assert inLoopThread();
        stopFlag = true;
    }

    /** {@code uv_stop} from another thread: wakes the loop so it can stop. Thread-safe. */
    public void stopFromAnyThread() {
        stopRequested = true;
        wakeup();
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** {@code uv_backend_timeout}: how long poll may block, in ms; -1 for no limit. */
    long backendTimeout() {
        if (stopFlag || stopRequested || (activeHandles == 0 && activeReqs == 0) || !pending.isEmpty()
                || !idleHandles.isEmpty() || closingHead != null) {
            return 0;
        }
        UvTimer next = timers.min();
        if (next == null) {
            return -1;
        }
        return Math.max(0, next.due - time);
    }

    // ---------------------------------------------------------------- timers phase

    private void runTimers() {
        if (timers.isEmpty()) {
            return;
        }
        // libuv 1.46 collects the expired timers first, so a timer restarted with 0 ms by its own
        // callback waits for the next iteration
        List<UvTimer> ready = null;
        UvTimer t;
        while ((t = timers.min()) != null && t.due <= time) {
            t.stop();
            if (ready == null) {
                ready = new ArrayList<>(4);
            }
            ready.add(t);
        }
        if (ready == null) {
            return;
        }
        for (UvTimer r : ready) {
            r.again();
            r.fire();
        }
    }

    // ---------------------------------------------------------------- pending phase

    /** {@code uv__io_feed}: runs {@code callback} in the next pending phase. */
    public void feedPending(Runnable callback) {
        assert ownedByCaller();
        pending.push(callback);
    }

    private void runPending() {
        int n = pending.size(); // callbacks queued while these run wait for the next round
        for (int i = 0; i < n; i++) {
            pending.poll().run();
        }
    }

    // ---------------------------------------------------------------- idle, prepare, check

    List<UvPhaseHandle> phaseHandles(UvPhaseHandle.Kind kind) {
        return switch (kind) {
            case IDLE -> idleHandles;
            case PREPARE -> prepareHandles;
            case CHECK -> checkHandles;
        };
    }

    private void runPhaseHandles(List<UvPhaseHandle> handles) {
        int n = handles.size();
        if (n == 0) {
            return;
        }
        if (phaseScratch.length < n) {
            phaseScratch = new UvPhaseHandle[n];
        }
        UvPhaseHandle[] snapshot = handles.toArray(phaseScratch); // handles started by a callback wait for the next iteration
        for (int i = 0; i < n; i++) {
            UvPhaseHandle h = snapshot[i];
            snapshot[i] = null;
            if (h.isActive()) {
                h.fire();
            }
        }
    }

    // ---------------------------------------------------------------- poll phase

    private void poll(long timeoutMs) {
        try {
            if (timeoutMs > 0) {
                // uv__io_poll with UV_METRICS_IDLE_TIME, as Node runs it: the timeout was computed from the
                // cached time; refresh the time and wait only for what is left, so a slow callback before
                // the poll does not make the next timer late by its own duration
                long base = time;
                updateTime();
                timeoutMs = Math.max(0, timeoutMs - (time - base));
            }
            if (timeoutMs != 0 && virtualClock != null && advanceVirtualTime(timeoutMs)) {
                return;
            }
            if (timeoutMs == 0) {
                if (poller.hasChannels()) {
                    poller.select(0);
                    updateTime(); // libuv updates the time after every epoll_wait
                }
            } else {
                long start = clock.nanoTime();
                blockedSince = start; // volatile: lets other threads count the idle time in progress
                if (watchdog != null) {
                    watchdog.waiting(true);
                }
                sleeping = true; // volatile: pairs with the read of sleeping in wakeup()
                if (asyncPending || stopRequested) { // a send came in before we got here
                    sleeping = false;
                    poller.select(0);
                } else {
                    poller.select(timeoutMs);
                    sleeping = false;
                }
                if (watchdog != null) {
                    watchdog.waiting(false);
                }
                stats.add(LoopStats.IDLE_NANOS, clock.nanoTime() - start);
                blockedSince = 0; // volatile: cleared before the publication, which readers check for (see LoopInstrumentation)
                stats.publish();
                stats.increment(LoopStats.BLOCKING_POLLS);
                updateTime();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the poll phase's selector failed", e);
        }
        stats.add(LoopStats.IO_EVENTS, poller.dispatch(ioRunner));
        runFiredAsyncs();
    }

    /**
     * With a virtual clock: advances it to the next timer instead of blocking when nothing but
     * timers can wake the loop. Returns true when it did (and dispatched whatever was ready).
     */
    private boolean advanceVirtualTime(long timeoutMs) throws IOException {
        if (timeoutMs < 0 || activeReqs > 0 || asyncPending) {
            return false; // wait for real: the thread pool or another thread will wake us
        }
        if (poller.hasChannels() && poller.select(0) > 0) {
            stats.add(LoopStats.IO_EVENTS, poller.dispatch(ioRunner));
            runFiredAsyncs();
            return true;
        }
        virtualClock.advance(java.time.Duration.ofMillis(timeoutMs));
        updateTime();
        return true;
    }

    /** Sets how I/O callbacks are run (Node's layer wraps each in a callback scope). */
    public void ioRunner(IoRunner runner) {
        this.ioRunner = runner;
    }

    public Poller poller() {
        return poller;
    }

    /** Called by {@link UvAsync#send()} on any thread. */
    void fireAsync(UvAsync handle) {
        firedAsyncs.offer(handle);
        wakeup();
    }

    private void wakeup() {
        asyncPending = true; // volatile: pairs with the read of asyncPending in poll()
        if (sleeping) {
            poller.wakeup();
        }
    }

    private void runFiredAsyncs() {
        if (!asyncPending) {
            return;
        }
        asyncPending = false;
        UvAsync a;
        while ((a = firedAsyncs.poll()) != null) { // snapshot: sends made by these callbacks wait for the next poll
            asyncScratch.add(a);
        }
        for (int i = 0; i < asyncScratch.size(); i++) {
            UvAsync h = asyncScratch.get(i);
            h.clearPending();
            h.fire();
        }
        asyncScratch.clear();
    }

    // ---------------------------------------------------------------- thread pool

    /** Uses {@code pool} for {@link #queueWork}; Node's workers share their process's pool. */
    public void threadPool(ThreadPool pool) {
        this.threadPool = pool;
    }

    public ThreadPool threadPool() {
        return threadPool;
    }

    /**
     * {@code uv_queue_work}: runs {@code work} on the thread pool, then {@code done} on this loop in
     * the poll phase. The request keeps the loop alive until {@code done} has run.
     */
    public void queueWork(Callable<?> work, WorkRequest.Done done) {
        assert ownedByCaller();
        if (workAsync == null) {
            workAsync = new UvAsync(this, this::runCompletedWork);
            workAsync.unref(); // libuv: wq_async is unref'd; the requests themselves keep the loop alive
        }
        activeReqs++;
        threadPool.submit(new WorkRequest(this, work, done));
    }

    /** Called by a pool thread when a request's work has finished. */
    void completeWork(WorkRequest r) {
        completedWork.offer(r);
        workAsync.send();
    }

    private void runCompletedWork() {
        WorkRequest r;
        while ((r = completedWork.poll()) != null) { // uv__work_done: in completion order
            activeReqs--;
            r.complete();
        }
    }

    /** Counts a request that is not a thread-pool request (a connect, a pending foreign stage). */
    public void registerRequest() {
        activeReqs++;
    }

    public void unregisterRequest() {
        activeReqs--;
    }

    public int activeRequests() {
        return activeReqs;
    }

    public int activeHandles() {
        return activeHandles;
    }

    // ---------------------------------------------------------------- close phase

    void makeClosePending(UvHandle h) {
        h.nextClosing = closingHead; // LIFO, as libuv's closing_handles
        closingHead = h;
    }

    private void runClosingHandles() {
        UvHandle h = closingHead;
        closingHead = null;
        while (h != null) {
            UvHandle next = h.nextClosing;
            h.nextClosing = null;
            Runnable cb = h.finishClose();
            if (cb != null) {
                cb.run();
            }
            h = next;
        }
    }

    // ---------------------------------------------------------------- instrumentation

    public LoopStats stats() {
        return stats;
    }

    public void watchdog(Watchdog w) {
        this.watchdog = w;
    }

    public Watchdog watchdog() {
        return watchdog;
    }

    @Override
    public void close() {
        poller.close();
    }
}
