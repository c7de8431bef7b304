package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.IoWatcher;
import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.UvHandle;
import dev.sab.schedulers.internal.Loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A listening TCP socket on the loop's Selector: Node's {@code net.Server} over a {@code uv_tcp_t}.
 * Each accepted connection is its own poll-phase callback (libuv accepts in a loop until the
 * backlog is empty and Node makes one callback per connection); 'listening' is emitted on the
 * next tick after {@link #listen}, and 'close' on the next tick once the server is closed and its
 * last connection has closed, as Node does.
 *
 * <p>Called only on the loop thread.
 */
public final class TcpServer {
    /** Node: the default listen backlog, 511. */
    static final int BACKLOG = 511;

    private final EventLoop loop;
    private final Consumer<TcpSocket> onConnection;
    private final Handle handle;
    private final List<Runnable> closeListeners = new ArrayList<>();
    private ServerSocketChannel channel;
    private IoWatcher watcher;
    private boolean shared;   // adopted from elsewhere: closing stops accepting but leaves the socket open
    private boolean closing;
    private boolean closeEmitted;
    private int connections;

    TcpServer(EventLoop loop, Consumer<TcpSocket> onConnection) {
        this.loop = loop;
        this.onConnection = onConnection;
        this.handle = new Handle(this);
    }

    /** {@code server.listen(port, host, onListening)} on a loopback address (port 0 picks a free one). */
    public TcpServer listen(InetSocketAddress address, Runnable onListening) {
        loop.checkThread("TcpServer.listen");
        Loopback.require(address);
        ServerSocketChannel ch;
        try {
            ch = ServerSocketChannel.open();
            try {
                ch.bind(address, BACKLOG);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        return start(ch, false, onListening);
    }

    /**
     * {@code server.listen(handle)}: accepts on a listening socket bound elsewhere, as Node's cluster
     * workers share one listen socket in its SCHED_NONE mode (every loop that listens on it accepts
     * from it; the kernel decides which one gets each connection). Closing this server stops its
     * accepting and leaves the socket open for the others.
     */
    public TcpServer listen(ServerSocketChannel bound, Runnable onListening) {
        loop.checkThread("TcpServer.listen");
        return start(bound, true, onListening);
    }

    private TcpServer start(ServerSocketChannel ch, boolean isShared, Runnable onListening) {
        if (channel != null) {
            throw new IllegalStateException("ERR_SERVER_ALREADY_LISTEN: listen was already called");
        }
        this.channel = ch;
        this.shared = isShared;
        try {
            ch.configureBlocking(false);
            watcher = loop.uv.poller().watcher(ch, ops -> acceptAll());
            watcher.interest(SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handle.setActive(true);
        if (onListening != null) {
            loop.queues.nextTick(onListening); // Node: 'listening' via process.nextTick(emitListeningNT)
        }
        return this;
    }

    private void acceptAll() {
        while (!closing) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                return; // EMFILE and friends: libuv reports and retries on the next readiness
            }
            if (accepted == null) {
                return; // EAGAIN: the backlog is empty (or another loop sharing the socket won)
            }
            loop.scope.makeCallback(Phase.POLL, () -> {
                TcpSocket socket;
                try {
                    socket = TcpSocket.accepted(loop, accepted);
                } catch (IOException e) {
                    try {
                        accepted.close();
                    } catch (IOException ignored) {
                        // the connection is gone either way
                    }
                    return;
                }
                connections++;
                socket.onCloseInternal(this::connectionClosed);
                onConnection.accept(socket);
            }, onConnection);
        }
    }

    private void connectionClosed() {
        connections--;
        emitCloseIfDrained();
    }

    /** The bound address, with the real port. */
    public InetSocketAddress address() {
        try {
            return channel == null ? null : (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@code server.close(callback)}: stops accepting now; {@code callback} runs on the tick after
     * the listen handle is closed and every connection has closed.
     */
    public void close(Runnable callback) {
        loop.checkThread("TcpServer.close");
        if (callback != null) {
            closeListeners.add(callback);
        }
        if (closing) {
            return;
        }
        closing = true;
        handle.close(null);
        emitCloseIfDrained();
    }

    private void emitCloseIfDrained() {
        if (closing && connections == 0 && !closeEmitted) {
            closeEmitted = true;
            loop.queues.nextTick(() -> closeListeners.forEach(Runnable::run)); // Node: emitCloseNT
        }
    }

    /**
     * Stops accepting (the listen socket stays open; connections wait in the kernel's backlog), as
     * libuv does by stopping the listen watcher. A sab extension: Node has no such call. Used by
     * loops sharing one listen socket, so that only loops with a waiting acceptor take connections.
     */
    public TcpServer pauseAccepting() {
        loop.checkThread("TcpServer.pauseAccepting");
        setAccepting(false);
        return this;
    }

    /** Accepts again after {@link #pauseAccepting()}. */
    public TcpServer resumeAccepting() {
        loop.checkThread("TcpServer.resumeAccepting");
        setAccepting(true);
        return this;
    }

    private void setAccepting(boolean on) {
        if (watcher == null || closing) {
            return;
        }
        try {
            watcher.interest(on ? SelectionKey.OP_ACCEPT : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handle.setActive(on);
    }

    public TcpServer ref() {
        loop.checkThread("TcpServer.ref");
        handle.ref();
        return this;
    }

    public TcpServer unref() {
        loop.checkThread("TcpServer.unref");
        handle.unref();
        return this;
    }

    /** Connections accepted and not yet closed. */
    public int connections() {
        return connections;
    }

    private static final class Handle extends UvHandle {
        private final TcpServer server;

        Handle(TcpServer server) {
            super(server.loop.uv);
            this.server = server;
        }

        void setActive(boolean active) {
            if (active) {
                activate();
            } else {
                deactivate();
            }
        }

        @Override
        protected void stopForClose() {
            if (server.watcher != null) {
                server.watcher.close();
                server.loop.uv.poller().flushCancelled(); // so the close below takes effect now, as uv_close's does
            }
            if (!server.shared && server.channel != null) {
                try {
                    server.channel.close();
                } catch (IOException e) {
                    // it is closed either way
                }
            }
        }
    }
}
