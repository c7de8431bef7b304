package dev.sab.schedulers;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A blocking-style TCP connection, implemented by each scheduler in its own I/O idiom (a blocking
 * channel that parks a virtual thread, or a Selector registration on an event loop).
 *
 * <p>Called only from a task of the scheduler that opened it; one reader and one writer at a time.
 */
public interface Conn extends AutoCloseable {

    /** Reads up to {@code len} bytes, waiting for at least one; returns -1 at end of stream. */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /** Writes all {@code len} bytes, waiting as long as the peer's window requires. */
    void write(byte[] buffer, int offset, int length) throws IOException;

    /** Reads exactly {@code len} bytes, or throws {@link EOFException} if the stream ends first. */
    default void readFully(byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = read(buffer, offset + done, length - done);
            if (n < 0) {
                throw new EOFException("connection closed after " + done + " of " + length + " bytes");
            }
            done += n;
        }
    }

    default void write(byte[] buffer) throws IOException {
        write(buffer, 0, buffer.length);
    }

    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();

    @Override
    void close() throws IOException;
}
