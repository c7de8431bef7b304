package dev.sab.workloads.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive connection of the generator, with at most one request outstanding: a
 * non-blocking socket, the bytes of the request being written, and the response being read.
 *
 * <p>States: connecting → idle ⇄ busy; any failure closes the socket, and the generator opens a new
 * one ({@link #reopen}). Called only on the generator's selector thread.
 */
final class ClientConnection {
    private static final int READ_BUFFER = 16 * 1024;
    private static final int REQUEST_BUFFER = 4 * 1024;

    enum State { CONNECTING, IDLE, BUSY, CLOSED }

    final int id;
    private final InetSocketAddress target;
    private final byte[] requestEnd;
    private final ByteBuffer in = ByteBuffer.allocateDirect(READ_BUFFER);
    /** The request being written, rebuilt in place for every request: the generator allocates nothing per request. */
    private final ByteBuffer out = ByteBuffer.allocateDirect(REQUEST_BUFFER);
    private final byte[] digits = new byte[20];
    private final HttpResponseReader reader = new HttpResponseReader();
    private SocketChannel channel;
    private SelectionKey key;
    private State state = State.CLOSED;

    /** The outstanding request: its number, route, and when it was meant to go and went. */
    long request = -1;
    int route = -1;
    long intendedNanos;
    long sentNanos;

    ClientConnection(int id, InetSocketAddress target) {
        this.id = id;
        this.target = target;
        String host = target.getAddress().getHostAddress().contains(":")
                ? "[" + target.getAddress().getHostAddress() + "]:" + target.getPort()
                : target.getAddress().getHostAddress() + ":" + target.getPort();
        this.requestEnd = (" HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    State state() {
        return state;
    }

    /** Opens the socket and starts a non-blocking connect; the selector reports its end. */
    void reopen(Selector selector) throws IOException {
        closeQuietly();
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        state = State.CONNECTING;
        if (channel.connect(target)) {
            key = channel.register(selector, 0, this);
            state = State.IDLE;
        } else {
            key = channel.register(selector, SelectionKey.OP_CONNECT, this);
        }
    }

    /** Completes a connect the selector reported; returns whether the connection is now idle. */
    boolean finishConnect() throws IOException {
        assert state == State.CONNECTING;
        if (!channel.finishConnect()) {
            return false;
        }
        key.interestOps(0);
        state = State.IDLE;
        return true;
    }

    /**
     * Starts request {@code number}: {@code GET <pathAndQuery><number> HTTP/1.1}, written as far as
     * the socket takes it now, the rest when the selector says there is room.
     *
     * @param pathAndQuery the route's bytes up to the number, {@code "GET /light?n="}
     */
    void send(long number, int routeIndex, byte[] pathAndQuery, long intended, long now) throws IOException {
        assert state == State.IDLE;
        request = number;
        route = routeIndex;
        intendedNanos = intended;
        sentNanos = now;
        out.clear();
        out.put(pathAndQuery);
        int at = digits.length;
        long n = number;
        do {
            digits[--at] = (byte) ('0' + n % 10);
            n /= 10;
        } while (n > 0);
        out.put(digits, at, digits.length - at);
        out.put(requestEnd);
        out.flip();
        reader.reset();
        state = State.BUSY;
        channel.write(out);
        key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ); // no system call when unchanged
    }

    /** Writes more of the request, when the selector says the socket has room. */
    void continueWrite() throws IOException {
        channel.write(out);
        if (!out.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /**
     * Reads what has arrived.
     *
     * @return the reader once it holds a complete response, else null
     * @throws IOException if the server closed the connection or the socket failed
     * @throws HttpResponseReader.ProtocolException if the bytes are not a readable response
     */
    HttpResponseReader read() throws IOException, HttpResponseReader.ProtocolException {
        in.clear();
        int n = channel.read(in);
        if (n < 0) {
            throw new IOException("the server closed the connection" + (state == State.BUSY ? " before answering" : ""));
        }
        if (n == 0) {
            return null;
        }
        if (state != State.BUSY) {
            throw new HttpResponseReader.ProtocolException(n + " bytes arrived on a connection with no request outstanding");
        }
        in.flip();
        return reader.feed(in) == HttpResponseReader.Progress.COMPLETE ? reader : null;
    }

    /** The outstanding request has been answered; the connection waits for the next one. */
    void idle() {
        request = -1;
        route = -1;
        state = State.IDLE;
        key.interestOps(SelectionKey.OP_READ); // a read while idle finds the server's close (or a protocol error) at once
    }

    boolean busy() {
        return state == State.BUSY;
    }

    void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a failed socket; nothing to report
            }
        }
        request = -1;
        route = -1;
        state = State.CLOSED;
    }
}
