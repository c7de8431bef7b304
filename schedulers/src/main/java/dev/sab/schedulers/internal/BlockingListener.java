package dev.sab.schedulers.internal;

import dev.sab.schedulers.Conn;
import dev.sab.schedulers.Listener;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

/** A {@link Listener} over a blocking {@link ServerSocketChannel}. */
public final class BlockingListener implements Listener {
    private static final int BACKLOG = 4096; // enough for a burst of 10,000 clients in the contract tests

    private final ServerSocketChannel channel;
    private final InetSocketAddress address;

    private BlockingListener(ServerSocketChannel channel) throws IOException {
        this.channel = channel;
        this.address = (InetSocketAddress) channel.getLocalAddress();
    }

    public static BlockingListener open(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.bind(Loopback.require(address), BACKLOG);
            return new BlockingListener(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public Conn accept() throws IOException {
        return new BlockingConn(channel.accept());
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
