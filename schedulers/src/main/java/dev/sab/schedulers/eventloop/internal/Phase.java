package dev.sab.schedulers.eventloop.internal;

/**
 * Where the loop is: the phases of one libuv iteration in the order {@code uv_run} visits them
 * (libuv 1.46, src/unix/core.c), plus the main script that runs before the first iteration.
 * Per-phase counters and the watchdog's reports use these names.
 */
public enum Phase {
    /** The main script, {@code run(main)}'s argument: the first macrotask. */
    MAIN("main"),
    /** {@code uv__run_timers}: expired timers (Node runs its JS timer lists from one libuv timer). */
    TIMERS("timers"),
    /** {@code uv__run_pending}: I/O callbacks deferred from the previous iteration (write completions, connect errors). */
    PENDING("pending"),
    /** {@code uv__run_idle}: idle handles (Node's setImmediate keeps one started so poll does not block). */
    IDLE("idle"),
    /** {@code uv__run_prepare}: prepare handles, just before the loop blocks. */
    PREPARE("prepare"),
    /** {@code uv__io_poll}: wait for I/O up to the nearest timer; run I/O, async and thread-pool callbacks. */
    POLL("poll"),
    /** {@code uv__run_check}: check handles (Node runs setImmediate callbacks here). */
    CHECK("check"),
    /** {@code uv__run_closing_handles}: close callbacks of handles closed during this iteration. */
    CLOSE("close");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** The lower-case name used in metrics and reports ("timers", "poll", ...). */
    public String label() {
        return label;
    }
}
