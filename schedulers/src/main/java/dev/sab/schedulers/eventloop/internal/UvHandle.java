package dev.sab.schedulers.eventloop.internal;

/**
 * A libuv handle ({@code uv_handle_t}): a long-lived object the loop watches. An active, ref'd
 * handle keeps the loop alive ({@code uv__has_active_handles}); {@link #unref()} lets the loop exit
 * while the handle is still active, which is what Node's {@code timeout.unref()} and
 * {@code server.unref()} map to. {@link #close} stops the handle and queues its close callback for
 * the close phase; a closing handle keeps the loop alive until that callback has run.
 *
 * <p>Called only on the loop thread, except where a subclass says otherwise.
 */
public abstract class UvHandle {
    private static final int ACTIVE = 1;
    private static final int REF = 2;
    private static final int CLOSING = 4;
    private static final int CLOSED = 8;

    protected final UvLoop loop;
    private int flags = REF; // libuv: handles start ref'd and inactive
    private Runnable closeCallback;
    UvHandle nextClosing; // the loop's closing list is LIFO, as libuv's closing_handles

    protected UvHandle(UvLoop loop) {
        this.loop = loop;
    }

    /** Marks the handle active ({@code uv__handle_start}). */
    protected final void activate() {
        if ((flags & ACTIVE) == 0) {
            flags |= ACTIVE;
            if ((flags & REF) != 0) {
                loop.activeHandles++;
            }
        }
    }

    /** Marks the handle inactive ({@code uv__handle_stop}). */
    protected final void deactivate() {
        if ((flags & ACTIVE) != 0) {
            flags &= ~ACTIVE;
            if ((flags & REF) != 0) {
                loop.activeHandles--;
            }
        }
    }

    /** {@code uv_ref}: an active handle keeps the loop alive again. */
    public final void ref() {
        assert loop.ownedByCaller();
        if ((flags & REF) == 0) {
            flags |= REF;
            if ((flags & ACTIVE) != 0) {
                loop.activeHandles++;
            }
        }
    }

    /** {@code uv_unref}: the loop may exit while this handle is active. */
    public final void unref() {
        assert loop.ownedByCaller();
        if ((flags & REF) != 0) {
            flags &= ~REF;
            if ((flags & ACTIVE) != 0) {
                loop.activeHandles--;
            }
        }
    }

    public final boolean hasRef() {
        return (flags & REF) != 0;
    }

    public final boolean isActive() {
        return (flags & ACTIVE) != 0;
    }

    public final boolean isClosing() {
        return (flags & (CLOSING | CLOSED)) != 0;
    }

    /**
     * {@code uv_close}: stops the handle now and runs {@code callback} (may be null) in this or the
     * next iteration's close phase. Called only on the loop thread; a second close is ignored.
     */
    public final void close(Runnable callback) {
        assert loop.ownedByCaller();
        if (isClosing()) {
            return;
        }
        flags |= CLOSING;
        closeCallback = callback;
        stopForClose();
        deactivate();
        loop.makeClosePending(this);
    }

    /** Releases what the handle watches (a timer, a channel); called once by {@link #close}. */
    protected abstract void stopForClose();

    /** Called only by the loop in the close phase. */
    final Runnable finishClose() {
        flags = (flags & ~CLOSING) | CLOSED;
        Runnable cb = closeCallback;
        closeCallback = null;
        return cb;
    }
}
