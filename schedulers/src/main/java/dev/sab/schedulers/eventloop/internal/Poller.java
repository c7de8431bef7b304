package dev.sab.schedulers.eventloop.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;

/**
 * The poll phase's event provider ({@code uv__io_poll} over epoll): one NIO {@link Selector}.
 * Ready keys are collected in the order the selector reports them (the epoll event array's order,
 * through {@link Selector#select(java.util.function.Consumer, long)}; the selected-key set would
 * iterate in hash order) and dispatched after the select returns, so callbacks never run inside
 * the selector's own locks.
 *
 * <p>Called only on the loop thread, except {@link #wakeup()}.
 */
public final class Poller implements AutoCloseable {
    private final Selector selector;
    private IoWatcher[] ready = new IoWatcher[64];
    private int[] readyOps = new int[64];
    private int readyCount;
    int registered; // watchers with a live registration, maintained by IoWatcher

    public Poller() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
    }

    /** A watcher for {@code channel}, which must already be non-blocking. */
    public IoWatcher watcher(SelectableChannel channel, IoWatcher.Callback callback) {
        return new IoWatcher(this, channel, callback);
    }

    Selector selector() {
        return selector;
    }

    /** Whether any channel is registered: with none, a zero-timeout poll needs no system call. */
    boolean hasChannels() {
        return registered > 0;
    }

    /**
     * Waits up to {@code timeoutMs} (0: do not wait, negative: no limit) and collects ready
     * watchers; returns how many.
     */
    int select(long timeoutMs) throws IOException {
        readyCount = 0;
        if (timeoutMs == 0) {
            return selector.selectNow(this::collect);
        }
        return selector.select(this::collect, Math.max(timeoutMs, 0));
    }

    private void collect(SelectionKey key) {
        int ops;
        try {
            ops = key.readyOps();
        } catch (CancelledKeyException e) {
            return;
        }
        if (readyCount == ready.length) {
            ready = Arrays.copyOf(ready, readyCount << 1);
            readyOps = Arrays.copyOf(readyOps, readyCount << 1);
        }
        ready[readyCount] = (IoWatcher) key.attachment();
        readyOps[readyCount] = ops;
        readyCount++;
    }

    /** Runs the collected watchers' callbacks in order through {@code runner}; returns how many ran. */
    int dispatch(UvLoop.IoRunner runner) {
        int n = readyCount;
        readyCount = 0;
        for (int i = 0; i < n; i++) {
            IoWatcher w = ready[i];
            ready[i] = null;
            if (!w.isClosed()) {
                runner.run(w, readyOps[i]);
            }
        }
        return n;
    }

    /**
     * Deregisters cancelled keys now. NIO defers closing a registered channel's socket until its key
     * is deregistered by the next selection; libuv closes the descriptor in {@code uv_close} itself.
     * Calling this between cancelling a watcher and closing its channel closes the socket at once
     * (a listener stops accepting, a peer sees the FIN) as in Node. The selection it makes reports
     * nothing: epoll is level-triggered here, so whatever is ready is reported again by the next poll.
     */
    public void flushCancelled() {
        try {
            selector.selectNow(key -> { });
        } catch (IOException e) {
            // a broken selector fails the next poll loudly; nothing to add here
        }
    }

    /** Makes a blocked or the next {@link #select} return at once. Thread-safe. */
    void wakeup() {
        selector.wakeup();
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // nothing the loop can do about a selector that fails to close; it is gone either way
        }
    }
}
