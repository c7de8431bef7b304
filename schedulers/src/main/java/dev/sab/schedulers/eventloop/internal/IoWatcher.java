package dev.sab.schedulers.eventloop.internal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * A channel the poll phase watches ({@code uv__io_t}): its interest set and the callback to run
 * with the ready operations. Registered with the loop's {@link Poller} when first given interest;
 * an interest of zero keeps the registration but stops events, as {@code uv__io_stop} keeps the fd
 * in epoll with no events.
 *
 * <p>Called only on the loop thread.
 */
public final class IoWatcher {
    /** What a ready channel runs: {@code readyOps} is a set of {@link SelectionKey} OP_ bits. */
    @FunctionalInterface
    public interface Callback {
        void onReady(int readyOps) throws IOException;
    }

    private final Poller poller;
    private final SelectableChannel channel;
    private final Callback callback;
    private SelectionKey key;
    private boolean closed;

    IoWatcher(Poller poller, SelectableChannel channel, Callback callback) {
        this.poller = poller;
        this.channel = channel;
        this.callback = callback;
    }

    /** {@code uv__io_start}/{@code uv__io_stop}: sets the interest set (0 stops events). */
    public void interest(int ops) throws ClosedChannelException {
        if (closed) {
            return;
        }
        if (key == null) {
            if (ops == 0) {
                return;
            }
            key = channel.register(poller.selector(), ops, this);
            poller.registered++;
            return;
        }
        if (key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    public int interest() {
        return key == null || !key.isValid() ? 0 : key.interestOps();
    }

    /** Stops watching for good ({@code uv__io_close}); does not close the channel. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
            poller.registered--;
        }
    }

    public boolean isClosed() {
        return closed;
    }

    public SelectableChannel channel() {
        return channel;
    }

    /** Runs the callback with {@code readyOps}, unless the watcher was closed. Called only on the loop thread. */
    public void dispatchReady(int readyOps) throws IOException {
        if (!closed) {
            callback.onReady(readyOps);
        }
    }
}
