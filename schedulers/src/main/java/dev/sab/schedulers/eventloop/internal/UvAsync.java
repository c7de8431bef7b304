package dev.sab.schedulers.eventloop.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A libuv async handle ({@code uv_async_t}): the one way another thread wakes the loop. Any thread
 * may {@link #send()}; sends before the loop gets round to the handle coalesce into one callback,
 * which runs on the loop thread in the poll phase, as libuv's {@code uv__async_io} does after
 * reading its eventfd.
 *
 * <p>Ref'd and active from creation, as in libuv: an async handle keeps the loop alive until it is
 * unref'd or closed.
 */
public final class UvAsync extends UvHandle {
    private static final VarHandle PENDING;

    static {
        try {
            PENDING = MethodHandles.lookup().findVarHandle(UvAsync.class, "pending", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable callback;
    @SuppressWarnings("unused") // accessed through PENDING
    private volatile int pending;

    /** {@code uv_async_init}. Called only on the loop thread. */
    public UvAsync(UvLoop loop, Runnable callback) {
        super(loop);
        this.callback = callback;
        activate();
    }

    /**
     * {@code uv_async_send}: asks for the callback to run on the loop thread. Thread-safe; cheap
     * when a send is already pending.
     */
    public void send() {
        // CAS: the first sender since the last callback queues the handle (pairs with the release
        // store in clearPending(), which the loop does before running the callback, so a send that
        // races the callback queues it again and is never lost)
        if ((int) PENDING.getAcquire(this) == 0 && PENDING.compareAndSet(this, 0, 1)) {
            loop.fireAsync(this);
        }
    }

    /** Called only by the loop, just before the callback. */
    void clearPending() {
        PENDING.setRelease(this, 0); // release: pairs with the CAS in send()
    }

    void fire() {
        if (!isClosing()) {
            callback.run();
        }
    }

    @Override
    protected void stopForClose() {
        // a send after close is harmless: fire() checks isClosing()
    }
}
