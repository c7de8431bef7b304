package dev.sab.schedulers.internal;

import dev.sab.schedulers.Conn;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A {@link Conn} over a blocking {@link SocketChannel}: the calling thread blocks, and a virtual
 * thread unmounts while the JDK's poller waits for it.
 */
public final class BlockingConn implements Conn {
    private final SocketChannel channel;

    public BlockingConn(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    public static BlockingConn open(InetSocketAddress address) throws IOException {
        return new BlockingConn(SocketChannel.open(Loopback.require(address)));
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return channel.read(ByteBuffer.wrap(buffer, offset, length));
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buffer, offset, length);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        try {
            return (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
