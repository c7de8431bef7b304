package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.schedulers.Conn;
import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;
import dev.sab.schedulers.eventloop.TcpSocket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/**
 * A blocking-style {@link Conn} for coroutines, over a {@link TcpSocket} on the loop's Selector:
 * {@code read} awaits the next 'data' (or 'end'), {@code write} awaits the write's completion
 * callback. Data that arrives before anyone reads is buffered; past {@value #READ_BUFFER_LIMIT}
 * bytes the socket is paused (libuv's readStop) until the reader catches up, which is the
 * backpressure a Node stream gives.
 *
 * <p>Called only from coroutines on the socket's loop; one reader and one writer at a time.
 */
final class LoopConn implements Conn {
    /** Bytes buffered before the socket is paused: Node's 64 KiB read size (one libuv read). */
    static final int READ_BUFFER_LIMIT = 64 * 1024;

    private final EventLoop loop;
    private final TcpSocket socket;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private long buffered;
    private boolean paused;
    private boolean ended;
    private boolean closed;
    private IOException failure;
    private Promise.Resolvers<Void> readWaiter;
    private Promise.Resolvers<Void> writeWaiter;

    private LoopConn(EventLoop loop, TcpSocket socket) {
        this.loop = loop;
        this.socket = socket;
        socket.setNoDelay(true); // as the blocking Conn of the other schedulers: a fair comparison
        socket.onData(this::onData);
        socket.onEnd(() -> {
            ended = true;
            wake();
        });
        socket.onError(e -> fail(e instanceof IOException io ? io : new IOException(e)));
        socket.onClose(() -> {
            ended = true;
            if (writeWaiter != null && failure == null) {
                fail(new IOException("connection closed"));
            }
            wake();
        });
    }

    /** Opens a connection and awaits it. Called only from a coroutine on {@code loop}. */
    static LoopConn connect(EventLoop loop, InetSocketAddress address) throws IOException {
        Promise.Resolvers<Void> connected = Promise.withResolvers();
        LoopConn[] conn = new LoopConn[1];
        TcpSocket s = loop.connect(address, () -> connected.resolve().accept(null));
        conn[0] = new LoopConn(loop, s);
        s.onError(e -> {
            conn[0].fail(e instanceof IOException io ? io : new IOException(e));
            connected.reject().accept(e);
        });
        awaitIo(connected.promise());
        return conn[0];
    }

    /** Wraps a connection a server accepted. Called only on {@code loop}. */
    static LoopConn accepted(EventLoop loop, TcpSocket socket) {
        return new LoopConn(loop, socket);
    }

    private void onData(byte[] chunk) {
        chunks.addLast(chunk);
        buffered += chunk.length;
        if (buffered >= READ_BUFFER_LIMIT && !paused) {
            paused = true;
            socket.pause();
        }
        wake();
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        if (writeWaiter != null) {
            Promise.Resolvers<Void> w = writeWaiter;
            writeWaiter = null;
            w.reject().accept(failure);
        }
        wake();
    }

    private void wake() {
        if (readWaiter != null) {
            Promise.Resolvers<Void> r = readWaiter;
            readWaiter = null;
            r.resolve().accept(null);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (chunks.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            if (ended || closed) {
                return -1;
            }
            readWaiter = Promise.withResolvers();
            awaitIo(readWaiter.promise());
        }
        int copied = 0;
        while (copied < length && !chunks.isEmpty()) {
            byte[] head = chunks.peekFirst();
            int n = Math.min(length - copied, head.length - headOffset);
            System.arraycopy(head, headOffset, buffer, offset + copied, n);
            copied += n;
            headOffset += n;
            if (headOffset == head.length) {
                chunks.pollFirst();
                headOffset = 0;
            }
        }
        buffered -= copied;
        if (paused && buffered < READ_BUFFER_LIMIT) {
            paused = false;
            socket.resume();
        }
        return copied;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed || socket.isDestroyed()) {
            throw new IOException("write on a closed connection");
        }
        Promise.Resolvers<Void> done = Promise.withResolvers();
        writeWaiter = done;
        socket.write(buffer, offset, length, () -> {
            if (writeWaiter == done) {
                writeWaiter = null;
            }
            done.resolve().accept(null);
        });
        awaitIo(done.promise());
    }

    @Override
    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return socket.remoteAddress();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            socket.destroy();
            wake();
        }
    }

    /** Awaits {@code p}, giving I/O failures back as IOException. */
    static <T> T awaitIo(Promise<T> p) throws IOException {
        try {
            return EventLoop.await(p);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for I/O");
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
