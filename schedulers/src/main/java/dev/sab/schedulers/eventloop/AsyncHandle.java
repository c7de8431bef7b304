package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.UvAsync;

/**
 * libuv's {@code uv_async_t}: the thread-safe way in. Another thread calls {@link #send()}; the
 * callback runs on the loop thread in the poll phase (once for any number of sends that arrive
 * before it runs), followed by the usual drain of ticks and microtasks. Ref'd from creation: an
 * open async handle keeps the loop alive until it is {@link #unref() unref'd} or {@link #close()
 * closed}.
 */
public final class AsyncHandle {
    private final EventLoop loop;
    private final UvAsync handle;

    AsyncHandle(EventLoop loop, Runnable callback) {
        this.loop = loop;
        this.handle = new UvAsync(loop.uv, () -> loop.scope.makeCallback(Phase.POLL, callback, callback));
    }

    /** Asks for the callback to run on the loop. Thread-safe; never blocks. */
    public void send() {
        handle.send();
    }

    /** Called only on the loop thread. */
    public AsyncHandle ref() {
        loop.checkThread("AsyncHandle.ref");
        handle.ref();
        return this;
    }

    /** Called only on the loop thread. */
    public AsyncHandle unref() {
        loop.checkThread("AsyncHandle.unref");
        handle.unref();
        return this;
    }

    /** Closes the handle; its sends are ignored from now on. Called only on the loop thread. */
    public void close() {
        loop.checkThread("AsyncHandle.close");
        handle.close(null);
    }
}
