package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.schedulers.Conn;
import dev.sab.schedulers.Listener;
import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;
import dev.sab.schedulers.eventloop.TcpServer;
import dev.sab.schedulers.eventloop.TcpSocket;
import dev.sab.schedulers.internal.Loopback;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A blocking-style {@link Listener} for coroutines. The listen socket is shared by every loop of the
 * scheduler, as Node's cluster shares one in its SCHED_NONE mode: a loop whose coroutine waits in
 * {@link #accept()} adds its own {@link TcpServer} on the socket and accepts while someone waits;
 * the kernel decides which waiting loop gets each connection.
 *
 * <p>{@link #accept()} is called only from coroutines; {@link #close()} from any thread.
 */
final class LoopListener implements Listener {
    private static final int BACKLOG = 511; // Node: the default listen backlog
    private final EventLoopScheduler scheduler;
    private final ServerSocketChannel channel;
    private final InetSocketAddress address;
    private final Map<EventLoop, Acceptor> acceptors = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private LoopListener(EventLoopScheduler scheduler, ServerSocketChannel channel) throws IOException {
        this.scheduler = scheduler;
        this.channel = channel;
        this.address = (InetSocketAddress) channel.getLocalAddress();
    }

    static LoopListener open(EventLoopScheduler scheduler, LoopProcess process, InetSocketAddress address) throws IOException {
        Loopback.require(address);
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.bind(address, BACKLOG);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new LoopListener(scheduler, ch);
    }

    @Override
    public Conn accept() throws IOException {
        if (closed) {
            throw new IOException("listener closed");
        }
        EventLoop loop = EventLoop.current();
        Acceptor a = acceptors.computeIfAbsent(loop, Acceptor::new);
        return a.accept();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        for (Map.Entry<EventLoop, Acceptor> e : acceptors.entrySet()) {
            LoopProcess p = scheduler.processOf(e.getKey());
            if (p != null && !e.getKey().hasExited()) {
                p.execute(e.getValue()::close);
            }
        }
        channel.close(); // NIO closes the socket once every loop has deregistered it
    }

    /** One loop's side of the shared socket. Called only on that loop's thread. */
    private final class Acceptor {
        private final EventLoop loop;
        private final TcpServer server;
        private final ArrayDeque<TcpSocket> ready = new ArrayDeque<>();
        private final ArrayDeque<Promise.Resolvers<TcpSocket>> waiters = new ArrayDeque<>();
        private boolean acceptorClosed;

        Acceptor(EventLoop loop) {
            this.loop = loop;
            this.server = loop.createServer(this::onConnection);
            server.listen(channel, null);
            server.pauseAccepting();
        }

        Conn accept() throws IOException {
            if (acceptorClosed) {
                throw new IOException("listener closed");
            }
            TcpSocket s = ready.pollFirst();
            if (s == null) {
                Promise.Resolvers<TcpSocket> w = Promise.withResolvers();
                waiters.addLast(w);
                server.resumeAccepting();
                s = LoopConn.awaitIo(w.promise());
            }
            return LoopConn.accepted(loop, s);
        }

        private void onConnection(TcpSocket s) {
            Promise.Resolvers<TcpSocket> w = waiters.pollFirst();
            if (w != null) {
                w.resolve().accept(s);
            } else {
                ready.addLast(s);
            }
            if (waiters.isEmpty()) {
                server.pauseAccepting();
            }
        }

        void close() {
            acceptorClosed = true;
            server.close(null);
            Promise.Resolvers<TcpSocket> w;
            while ((w = waiters.pollFirst()) != null) {
                w.reject().accept(new IOException("listener closed"));
            }
            TcpSocket s;
            while ((s = ready.pollFirst()) != null) {
                s.destroy();
            }
        }
    }

}
