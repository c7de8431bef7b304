package dev.sab.schedulers;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A listening loopback TCP socket; {@link #accept()} waits in the scheduler's own idiom. */
public interface Listener extends AutoCloseable {

    /** Waits for and returns the next connection; throws once the listener is closed. */
    Conn accept() throws IOException;

    /** The bound address, with the real port when port 0 was asked for. */
    InetSocketAddress address();

    @Override
    void close() throws IOException;
}
