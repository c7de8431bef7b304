package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.TcpServer;
import dev.sab.schedulers.eventloop.TcpSocket;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Twin of 24-connection-refused.js. */
public final class S24ConnectionRefused implements Scenario {
    @Override
    public String id() {
        return "24-connection-refused";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                TcpServer probe = loop.createServer(s -> { });
                probe.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), () -> {
                    InetSocketAddress closed = probe.address();
                    probe.close(() -> {
                        TcpSocket s = loop.connect(closed, () -> t.log("connected (must not happen)"));
                        s.onError(e -> t.log("error " + (e instanceof ConnectException ? "ECONNREFUSED" : e.toString())));
                        s.onClose(() -> t.log("close, had error: true"));
                        loop.setImmediate(() -> t.log("immediate"));
                        t.log("connecting to a closed port");
                    });
                });
            });
        }
    }
}
