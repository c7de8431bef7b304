package dev.sab.schedulers.eventloop.internal;

/**
 * A libuv timer ({@code uv_timer_t}): due at a loop time in milliseconds, ordered in the loop's
 * {@link TimerHeap} by due time and then by start order ({@code start_id}), optionally repeating.
 * Node keeps all JavaScript timers behind one of these (see {@code TimerLists} in the API package)
 * and samples loop delay with another.
 *
 * <p>Called only on the loop thread.
 */
public final class UvTimer extends UvHandle {
    private final Runnable callback;
    long due;        // loop time (ms) at which it fires
    long startId;    // tie-breaker: libuv's loop->timer_counter at start
    int heapIndex = -1;
    private long repeat;

    public UvTimer(UvLoop loop, Runnable callback) {
        super(loop);
        this.callback = callback;
    }

    /** {@code uv_timer_start}: (re)arms the timer {@code timeoutMs} after the loop's cached time. */
    public void start(long timeoutMs, long repeatMs) {
        assert loop.ownedByCaller();
        if (isClosing()) {
            return;
        }
        if (heapIndex >= 0) {
            loop.timers.remove(this);
        }
        long now = loop.now();
        due = timeoutMs > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeoutMs; // libuv clamps overflow
        repeat = repeatMs;
        startId = loop.timerCounter++;
        loop.timers.add(this);
        activate();
    }

    /** {@code uv_timer_stop}. */
    public void stop() {
        assert loop.ownedByCaller();
        if (heapIndex >= 0) {
            loop.timers.remove(this);
        }
        deactivate();
    }

    /** {@code uv_timer_again}: restarts a repeating timer from now. */
    void again() {
        if (repeat != 0) {
            start(repeat, repeat);
        }
    }

    void fire() {
        callback.run();
    }

    @Override
    protected void stopForClose() {
        if (heapIndex >= 0) {
            loop.timers.remove(this);
        }
    }
}
