package dev.sab.schedulers.eventloop.internal;

import dev.sab.schedulers.eventloop.LoopClock;
import dev.sab.schedulers.eventloop.LoopStall;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A blocked-loop checker, like Vert.x's {@code BlockedThreadChecker}: a daemon thread that looks
 * at the loop's heartbeat every {@code interval} and reports, once per stall, a loop that has not
 * left its current phase for {@code threshold}:
 * <ul>
 *   <li>{@link LoopStall.Kind#BLOCKED}: one callback has run the whole time (a CPU-bound callback,
 *       a blocking call on the loop thread);</li>
 *   <li>{@link LoopStall.Kind#STARVED}: callbacks or microtasks keep completing but the loop never
 *       reaches its next phase (a recursive nextTick or promise chain).</li>
 * </ul>
 * A loop blocked in the poll phase waiting for events is idle, not stalled.
 *
 * <p>The heartbeat is written by the loop thread with opaque stores (no ordering needed: the
 * watchdog only needs the values to become visible eventually) and read with opaque loads. With
 * {@code abort} set, the loop throws at its next callback boundary after a report, so a demo of
 * starvation ends instead of hanging; a callback that never returns cannot be stopped this way.
 *
 * <p>Thread-safe as described; {@link #enterPhase}, {@link #progress} and {@link #waiting} are
 * called only on the loop thread.
 */
public final class Watchdog implements AutoCloseable {
    private static final VarHandle PHASE_SEQ;
    private static final VarHandle PHASE_START;
    private static final VarHandle PHASE;
    private static final VarHandle PROGRESS;
    private static final VarHandle PHASE_PROGRESS;
    private static final VarHandle RUNNING;
    private static final VarHandle WAITING;
    private static final VarHandle CALLBACK_START;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PHASE_SEQ = l.findVarHandle(Watchdog.class, "phaseSeq", long.class);
            PHASE_START = l.findVarHandle(Watchdog.class, "phaseStartNanos", long.class);
            PHASE = l.findVarHandle(Watchdog.class, "phase", Phase.class);
            PROGRESS = l.findVarHandle(Watchdog.class, "progress", long.class);
            PHASE_PROGRESS = l.findVarHandle(Watchdog.class, "phaseProgress", long.class);
            RUNNING = l.findVarHandle(Watchdog.class, "running", Object.class);
            WAITING = l.findVarHandle(Watchdog.class, "waiting", boolean.class);
            CALLBACK_START = l.findVarHandle(Watchdog.class, "callbackStartNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final UvLoop loop;
    private final LoopClock clock;
    private final String loopName;
    private final long thresholdNanos;
    private final Duration interval;
    private final Consumer<LoopStall> handler;
    private final boolean abort;
    private final Thread thread;
    private volatile boolean closed;
    private volatile LoopStall abortWith; // set by the watchdog thread, read by the loop at boundaries

    // heartbeat: written by the loop thread (opaque), read by the watchdog thread (opaque)
    @SuppressWarnings("unused") private long phaseSeq;
    @SuppressWarnings("unused") private long phaseStartNanos;
    @SuppressWarnings("unused") private Phase phase = Phase.MAIN;
    @SuppressWarnings("unused") private long progress;
    @SuppressWarnings("unused") private long phaseProgress; // progress when the current phase began
    @SuppressWarnings("unused") private Object running;
    @SuppressWarnings("unused") private boolean waiting;
    @SuppressWarnings("unused") private long callbackStartNanos;

    public Watchdog(UvLoop loop, String loopName, Duration threshold, Duration interval, Consumer<LoopStall> handler,
                    boolean abort) {
        this.loop = loop;
        this.clock = loop.clock();
        this.loopName = loopName;
        this.thresholdNanos = threshold.toNanos();
        this.interval = interval;
        this.handler = handler;
        this.abort = abort;
        this.thread = Thread.ofPlatform().name(loopName + "-watchdog").daemon().unstarted(this::watch);
    }

    /** Starts watching. Called once, on the loop thread, when the loop starts. */
    public void start() {
        PHASE_START.setOpaque(this, clock.nanoTime());
        thread.start();
    }

    /** Called only on the loop thread at the start of each phase. */
    public void enterPhase(Phase p) {
        PHASE.setOpaque(this, p);
        PHASE_PROGRESS.setOpaque(this, (long) PROGRESS.getOpaque(this));
        PHASE_START.setOpaque(this, clock.nanoTime());
        PHASE_SEQ.setOpaque(this, (long) PHASE_SEQ.getOpaque(this) + 1);
    }

    /** Called only on the loop thread before each callback or microtask; {@code what} names it. */
    public void progress(Object what) {
        CALLBACK_START.setOpaque(this, clock.nanoTime());
        RUNNING.setOpaque(this, what);
        PROGRESS.setOpaque(this, (long) PROGRESS.getOpaque(this) + 1);
    }

    /** Called only on the loop thread around a blocking poll: an idle loop is not a stalled one. */
    public void waiting(boolean w) {
        WAITING.setOpaque(this, w);
        if (!w) {
            enterPhase(Phase.POLL);
        }
    }

    /** The report the loop must abort with, or null. Called only on the loop thread. */
    public LoopStall abortRequested() {
        return abortWith;
    }

    private void watch() {
        long lastSeq = -1;
        long blockedReportedAt = -1; // the progress count of the callback last reported as blocked
        boolean starvedReported = false;
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            if ((boolean) WAITING.getOpaque(this)) {
                continue; // idle in the poll phase: not a stall
            }
            long now = clock.nanoTime();
            long seq = (long) PHASE_SEQ.getOpaque(this);
            long prog = (long) PROGRESS.getOpaque(this);
            long phaseStart = (long) PHASE_START.getOpaque(this);
            long phaseProg = (long) PHASE_PROGRESS.getOpaque(this);
            long callbackStart = Math.max(phaseStart, (long) CALLBACK_START.getOpaque(this));
            if (seq != lastSeq) {
                lastSeq = seq;
                starvedReported = false;
            }
            long inPhase = now - phaseStart;
            long inCallback = now - callbackStart;
            LoopStall stall = null;
            if (inCallback >= thresholdNanos) {
                if (blockedReportedAt != prog) {
                    blockedReportedAt = prog;
                    stall = report(LoopStall.Kind.BLOCKED, inCallback, prog);
                }
            } else if (inPhase >= thresholdNanos && prog - phaseProg >= 2 && !starvedReported) {
                // starved: at least one callback began and ended in this phase and another began
                // (a phase slow to reach its first callback, cold code on a busy machine, is not)
                starvedReported = true;
                stall = report(LoopStall.Kind.STARVED, inPhase, prog);
            }
            if (stall != null) {
                try {
                    handler.accept(stall);
                } catch (RuntimeException e) {
                    e.printStackTrace();
                }
                if (abort) {
                    abortWith = stall;
                }
            }
        }
    }

    private LoopStall report(LoopStall.Kind kind, long stalledNanos, long progressCount) {
        Phase p = (Phase) PHASE.getOpaque(this);
        Object what = RUNNING.getOpaque(this);
        Thread mounted = loop.mountedCoroutine();
        Thread sampled = mounted != null ? mounted : loop.thread();
        StackTraceElement[] stack = sampled == null ? new StackTraceElement[0] : sampled.getStackTrace();
        return new LoopStall(loopName, kind, p.label(), Duration.ofNanos(stalledNanos), describe(what), progressCount, stack);
    }

    /** A readable name for what the loop was running: a lambda's declaring class, or the object's description. */
    public static String describe(Object what) {
        if (what == null) {
            return "nothing yet";
        }
        if (what instanceof Described d) {
            return d.describe();
        }
        String name = what.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda > 0 ? "a lambda in " + name.substring(0, lambda) : name;
    }

    /** Something the loop runs that can say what it is. */
    public interface Described {
        String describe();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
