package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.IoWatcher;
import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.UvHandle;
import dev.sab.schedulers.internal.Loopback;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A TCP connection on the loop's Selector: Node's {@code net.Socket} over libuv's {@code uv_tcp_t}.
 *
 * <h2>Events, and where they run</h2>
 * <ul>
 *   <li>connect: a poll-phase callback once the connection is established (libuv always waits for
 *       writability, even when the connect completed at once); a connect refused at once fails in
 *       the pending phase, as libuv's delayed error does;</li>
 *   <li>data: a poll-phase callback per chunk read (up to 64 KiB; at most 32 reads per readiness
 *       event, as {@code uv__read});</li>
 *   <li>end: on the next tick after the peer's FIN is read; then, as {@code allowHalfOpen} is false
 *       in Node, this side ends too, and the socket is destroyed once both directions are done;</li>
 *   <li>error: on the next tick after the failure, which destroys the socket;</li>
 *   <li>close: in the close phase, from the handle's close callback (so close callbacks of several
 *       sockets run in reverse order of their destruction, as libuv's closing list is LIFO).</li>
 * </ul>
 *
 * <h2>Writes</h2>
 * {@link #write} tries the socket at once ({@code uv_try_write}); whatever does not fit is queued
 * and written when the socket is writable. It returns false once 16 KiB or more wait (Node's
 * {@code writableHighWaterMark}); 'drain' follows when the queue empties. {@link #end()} sends the
 * FIN on the next writable poll after the queue has drained ({@code uv_shutdown}).
 *
 * <p>Called only on the loop thread.
 */
public final class TcpSocket {
    /** Node: the default writableHighWaterMark of a stream, 16 KiB. */
    static final int HIGH_WATER_MARK = 16 * 1024;
    /** libuv: the read buffer Node suggests for a stream, 64 KiB. */
    static final int READ_CHUNK = 64 * 1024;
    /** libuv: uv__read reads at most 32 times per readiness event, against starvation. */
    static final int READS_PER_EVENT = 32;

    private record PendingWrite(ByteBuffer data, Runnable callback) {
    }

    private final EventLoop loop;
    private final SocketChannel channel;
    private final Handle handle;
    private final IoWatcher watcher;
    private final ArrayDeque<PendingWrite> writeQueue = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_CHUNK);
    private final ArrayDeque<byte[]> unread = new ArrayDeque<>(); // read while no data listener was set
    private long unreadBytes;
    private Runnable onConnect;
    private Consumer<byte[]> onData;
    private Runnable onEnd;
    private Runnable onClose;
    private Consumer<Throwable> onError;
    private Runnable onDrain;
    private Runnable onCloseInternal; // the server's connection count
    private boolean connecting;
    private boolean reading;       // readStart'ed (flowing) and not paused
    private boolean readEnded;     // the peer's FIN was read
    private boolean writableEnded; // end() was called
    private boolean shutdownSent;  // our FIN went out
    private boolean destroyed;
    private boolean needDrain;
    private long queuedBytes;
    private long bytesRead;
    private long bytesWritten;

    private TcpSocket(EventLoop loop, SocketChannel channel) throws IOException {
        this.loop = loop;
        this.channel = channel;
        channel.configureBlocking(false);
        this.handle = new Handle(this);
        this.watcher = loop.uv.poller().watcher(channel, this::onReady);
    }

    /** Called only on the loop thread, by {@link EventLoop#connect}. */
    static TcpSocket connect(EventLoop loop, InetSocketAddress address, Runnable onConnect) {
        Loopback.require(address);
        TcpSocket s;
        try {
            s = new TcpSocket(loop, SocketChannel.open());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open a socket", e);
        }
        s.onConnect = onConnect;
        s.connecting = true;
        try {
            boolean done = s.channel.connect(address);
            s.watcher.interest(done ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT);
        } catch (IOException e) {
            loop.uv.feedPending(() -> s.connectFailed(e)); // libuv's delayed_error: reported in the pending phase
        }
        s.updateActive();
        return s;
    }

    /** A connection a server accepted: connected, and reading at once (Node's {@code socket.read(0)}). */
    static TcpSocket accepted(EventLoop loop, SocketChannel channel) throws IOException {
        TcpSocket s = new TcpSocket(loop, channel);
        s.reading = true;
        s.updateInterest();
        return s;
    }

    // ------------------------------------------------------------------ events

    /** {@code socket.on('data', listener)}: chunks read before a listener was set come on the next tick. */
    public TcpSocket onData(Consumer<byte[]> listener) {
        loop.checkThread("TcpSocket.onData");
        this.onData = listener;
        if (listener != null && !unread.isEmpty()) {
            loop.queues.nextTick(() -> {
                byte[] chunk;
                while ((chunk = unread.poll()) != null && onData != null) {
                    unreadBytes -= chunk.length;
                    onData.accept(chunk);
                }
                if (!readEnded && !destroyed && !reading) {
                    resume();
                }
            });
        }
        return this;
    }

    public TcpSocket onEnd(Runnable listener) {
        loop.checkThread("TcpSocket.onEnd");
        this.onEnd = listener;
        return this;
    }

    public TcpSocket onClose(Runnable listener) {
        loop.checkThread("TcpSocket.onClose");
        this.onClose = listener;
        return this;
    }

    public TcpSocket onError(Consumer<Throwable> listener) {
        loop.checkThread("TcpSocket.onError");
        this.onError = listener;
        return this;
    }

    public TcpSocket onDrain(Runnable listener) {
        loop.checkThread("TcpSocket.onDrain");
        this.onDrain = listener;
        return this;
    }

    void onCloseInternal(Runnable listener) {
        this.onCloseInternal = listener;
    }

    // ------------------------------------------------------------------ writing

    /** {@code socket.write(data)}: false when 16 KiB or more now wait to be written. */
    public boolean write(byte[] data) {
        return write(data, null);
    }

    /** {@code socket.write(data, callback)}: the callback runs once {@code data} is handed to the kernel. */
    public boolean write(byte[] data, Runnable callback) {
        return write(data, 0, data.length, callback);
    }

    /**
     * Writes {@code length} bytes of {@code data} from {@code offset}. The bytes are copied at the
     * call, so the array may be reused at once.
     */
    public boolean write(byte[] data, int offset, int length, Runnable callback) {
        loop.checkThread("TcpSocket.write");
        Objects.checkFromIndexSize(offset, length, data.length);
        if (destroyed || writableEnded) {
            Throwable e = new IOException(destroyed ? "ERR_STREAM_DESTROYED: write after destroy" : "ERR_STREAM_WRITE_AFTER_END: write after end");
            loop.queues.nextTick(() -> emitError(e));
            return false;
        }
        ByteBuffer buf = ByteBuffer.wrap(java.util.Arrays.copyOfRange(data, offset, offset + length));
        if (writeQueue.isEmpty() && !connecting) {
            try {
                bytesWritten += channel.write(buf); // uv_try_write
            } catch (IOException e) {
                destroy(e);
                return false;
            }
            if (!buf.hasRemaining()) {
                if (callback != null) {
                    loop.queues.nextTick(callback); // a synchronous write's callback: afterWrite on the next tick
                }
                return true;
            }
        }
        writeQueue.addLast(new PendingWrite(buf, callback));
        queuedBytes += buf.remaining();
        updateInterest();
        boolean below = queuedBytes < HIGH_WATER_MARK;
        if (!below) {
            needDrain = true;
        }
        return below;
    }

    /** Bytes queued and not yet written to the kernel ({@code socket.writableLength}). */
    public long writableLength() {
        return queuedBytes;
    }

    /** {@code socket.end()}: no more writes; the FIN goes out once the queue has drained. */
    public void end() {
        loop.checkThread("TcpSocket.end");
        if (writableEnded || destroyed) {
            return;
        }
        writableEnded = true;
        updateInterest(); // the shutdown happens on the next writable poll, as uv_shutdown's does
    }

    /** {@code socket.destroy()}: closes at once, dropping queued writes; 'close' follows in the close phase. */
    public void destroy() {
        loop.checkThread("TcpSocket.destroy");
        destroy(null);
    }

    // ------------------------------------------------------------------ flow control

    /** {@code socket.pause()}: stops reading (libuv's readStop). */
    public TcpSocket pause() {
        loop.checkThread("TcpSocket.pause");
        reading = false;
        updateInterest();
        return this;
    }

    /** {@code socket.resume()}: reads again. */
    public TcpSocket resume() {
        loop.checkThread("TcpSocket.resume");
        if (!readEnded && !destroyed) {
            reading = true;
            updateInterest();
        }
        return this;
    }

    /** {@code socket.setNoDelay()}: Nagle's algorithm off (Node's default leaves it on). */
    public TcpSocket setNoDelay(boolean noDelay) {
        loop.checkThread("TcpSocket.setNoDelay");
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, noDelay);
        } catch (IOException e) {
            // a closed socket: nothing to configure
        }
        return this;
    }

    public TcpSocket ref() {
        loop.checkThread("TcpSocket.ref");
        handle.ref();
        return this;
    }

    public TcpSocket unref() {
        loop.checkThread("TcpSocket.unref");
        handle.unref();
        return this;
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    public InetSocketAddress remoteAddress() {
        try {
            return (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    // ------------------------------------------------------------------ the poll phase

    private void onReady(int ops) {
        if (connecting) {
            if ((ops & (SelectionKey.OP_CONNECT | SelectionKey.OP_WRITE)) != 0) {
                finishConnect();
            }
            return;
        }
        if ((ops & SelectionKey.OP_READ) != 0 && reading) {
            readSome();
        }
        if ((ops & SelectionKey.OP_WRITE) != 0 && !destroyed) {
            writeSome();
        }
    }

    private void finishConnect() {
        try {
            if (!channel.isConnected() && !channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            connectFailed(e);
            return;
        }
        connecting = false;
        reading = true; // Node's afterConnect: the socket starts reading
        updateInterest();
        Runnable cb = onConnect;
        loop.scope.makeCallback(Phase.POLL, () -> {
            if (cb != null) {
                cb.run();
            }
            if (!writeQueue.isEmpty()) {
                updateInterest();
            }
        }, this);
    }

    private void connectFailed(IOException e) {
        connecting = false;
        Phase phase = loop.uv.phase() == Phase.PENDING ? Phase.PENDING : Phase.POLL;
        loop.scope.makeCallback(phase, () -> destroy(e), this);
    }

    private void readSome() {
        for (int i = 0; i < READS_PER_EVENT && reading && !destroyed; i++) {
            readBuffer.clear();
            int n;
            try {
                n = channel.read(readBuffer);
            } catch (IOException e) {
                loop.scope.makeCallback(Phase.POLL, () -> destroy(e), this);
                return;
            }
            if (n == 0) {
                return;
            }
            if (n < 0) {
                loop.scope.makeCallback(Phase.POLL, this::onEof, this);
                return;
            }
            bytesRead += n;
            byte[] chunk = new byte[n];
            readBuffer.flip();
            readBuffer.get(chunk);
            Consumer<byte[]> listener = onData;
            if (listener == null) { // paused mode: keep it, and stop reading past the high-water mark
                unread.add(chunk);
                unreadBytes += n;
                if (unreadBytes >= HIGH_WATER_MARK) {
                    reading = false;
                    updateInterest();
                }
                continue;
            }
            loop.scope.makeCallback(Phase.POLL, () -> listener.accept(chunk), listener);
        }
    }

    private void onEof() {
        readEnded = true;
        reading = false;
        updateInterest();
        loop.queues.nextTick(() -> { // Node: 'end' is emitted on the next tick (endReadableNT)
            if (onEnd != null) {
                onEnd.run();
            }
            if (!destroyed) {
                if (writableEnded && shutdownSent) {
                    destroy(null);
                } else {
                    end(); // allowHalfOpen: false
                }
            }
        });
    }

    private void writeSome() {
        while (!writeQueue.isEmpty()) {
            PendingWrite w = writeQueue.peekFirst();
            int n;
            try {
                n = channel.write(w.data());
            } catch (IOException e) {
                loop.scope.makeCallback(Phase.POLL, () -> destroy(e), this);
                return;
            }
            bytesWritten += n;
            queuedBytes -= n;
            if (w.data().hasRemaining()) {
                return; // the kernel's buffer is full: wait for the next writable poll
            }
            writeQueue.pollFirst();
            if (w.callback() != null) {
                loop.scope.makeCallback(Phase.POLL, w.callback(), w.callback());
            }
        }
        if (needDrain) {
            needDrain = false;
            Runnable drain = onDrain;
            if (drain != null) {
                loop.scope.makeCallback(Phase.POLL, drain, drain);
            }
        }
        if (writableEnded && !shutdownSent && !destroyed) {
            try {
                channel.shutdownOutput(); // uv_shutdown: our FIN
            } catch (IOException e) {
                loop.scope.makeCallback(Phase.POLL, () -> destroy(e), this);
                return;
            }
            shutdownSent = true;
            loop.scope.makeCallback(Phase.POLL, () -> { // afterShutdown: 'finish', then destroy if the peer has ended too
                if (readEnded && !destroyed) {
                    destroy(null);
                }
            }, this);
        }
        updateInterest();
    }

    // ------------------------------------------------------------------ teardown

    private void destroy(Throwable error) {
        if (destroyed) {
            return;
        }
        destroyed = true;
        reading = false;
        connecting = false;
        writeQueue.clear();
        queuedBytes = 0;
        boolean hadError = error != null;
        handle.close(() -> loop.scope.makeCallback(Phase.CLOSE, () -> {
            if (onClose != null) {
                onClose.run();
            }
            if (onCloseInternal != null) {
                onCloseInternal.run();
            }
        }, this));
        if (hadError) {
            loop.queues.nextTick(() -> emitError(error)); // Node: emitErrorNT
        }
    }

    private void emitError(Throwable e) {
        if (onError != null) {
            onError.accept(e);
        } else {
            throw Promise.<RuntimeException>sneakyThrow(e); // an 'error' with no listener is an uncaught exception
        }
    }

    private void updateInterest() {
        if (destroyed) {
            return;
        }
        int ops = 0;
        if (connecting) {
            ops = watcher.interest() & (SelectionKey.OP_CONNECT | SelectionKey.OP_WRITE);
        } else {
            if (reading && !readEnded) {
                ops |= SelectionKey.OP_READ;
            }
            if (!writeQueue.isEmpty() || (writableEnded && !shutdownSent)) {
                ops |= SelectionKey.OP_WRITE;
            }
        }
        try {
            watcher.interest(ops);
        } catch (IOException e) {
            // the channel is closed; destroy() will follow from the failure that closed it
        }
        updateActive();
    }

    /** libuv: a stream handle is active while reading, connecting, writing or shutting down. */
    private void updateActive() {
        if (destroyed) {
            return;
        }
        boolean active = connecting || (reading && !readEnded) || !writeQueue.isEmpty() || (writableEnded && !shutdownSent);
        handle.setActive(active);
    }

    /** The libuv handle behind the socket: ref/unref, activity and close. */
    private static final class Handle extends UvHandle {
        private final TcpSocket socket;

        Handle(TcpSocket socket) {
            super(socket.loop.uv);
            this.socket = socket;
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
            socket.watcher.close();
            socket.loop.uv.poller().flushCancelled(); // so the close below takes effect now, as uv_close's does
            try {
                socket.channel.close();
            } catch (IOException e) {
                // closing a socket that failed: it is gone either way
            }
        }
    }
}
