package dev.sab.schedulers.eventloop.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The loop's counters: written with plain stores by the loop thread alone, published to readers
 * on other threads at phase boundaries (STYLE.md rule 7, as Tokio's {@code metrics/batch.rs}).
 *
 * <p>Assumptions and guarantees: {@link #publish()} is called only on the loop thread; each slot is
 * published with a release store and read with an acquire load, so a reader sees every count up to
 * some recent publication. A snapshot is not atomic across slots (two counters may come from
 * adjacent publications), and a loop starved inside one phase publishes nothing until it leaves it:
 * the watchdog, not these counters, is what reports a starved loop. Every counter only grows.
 */
public final class LoopStats {
    /** Loop iterations ({@code uv_metrics_info.loop_count}). */
    public static final int ITERATIONS = 0;
    /** nextTick callbacks run. */
    public static final int TICKS = 1;
    /** Promise jobs and queueMicrotask callbacks run (V8's microtask queue). */
    public static final int MICROTASKS = 2;
    /** Nanoseconds blocked in the poll phase waiting for events ({@code uv_metrics_idle_time}). */
    public static final int IDLE_NANOS = 3;
    /** Poll phases that blocked (timeout other than zero). */
    public static final int BLOCKING_POLLS = 4;
    /** I/O events dispatched by the poll phase. */
    public static final int IO_EVENTS = 5;
    private static final int CALLBACKS_BASE = 6;
    private static final int SLOTS = CALLBACKS_BASE + Phase.values().length;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] local = new long[SLOTS];     // loop thread only
    private final long[] published = new long[SLOTS]; // written by publish(), read by any thread

    /** Called only on the loop thread. */
    public void add(int counter, long delta) {
        local[counter] += delta;
    }

    /** Called only on the loop thread. */
    public void increment(int counter) {
        local[counter]++;
    }

    /** One callback ran in {@code phase}. Called only on the loop thread. */
    public void callback(Phase phase) {
        local[CALLBACKS_BASE + phase.ordinal()]++;
    }

    /** The loop thread's own current value (no publication needed). Called only on the loop thread. */
    public long localValue(int counter) {
        return local[counter];
    }

    /** Publishes every counter. Called only on the loop thread, at phase boundaries. */
    public void publish() {
        for (int i = 0; i < SLOTS; i++) {
            // release: makes the count visible to readers (pairs with the acquire in get())
            SLOT.setRelease(published, i, local[i]);
        }
    }

    /** The last published value of {@code counter}. Thread-safe. */
    public long get(int counter) {
        return (long) SLOT.getAcquire(published, counter); // acquire: pairs with the release in publish()
    }

    /** The last published number of callbacks run in {@code phase}. Thread-safe. */
    public long callbacks(Phase phase) {
        return get(CALLBACKS_BASE + phase.ordinal());
    }
}
