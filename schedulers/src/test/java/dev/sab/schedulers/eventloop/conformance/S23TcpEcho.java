package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.TcpServer;
import dev.sab.schedulers.eventloop.TcpSocket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Twin of 23-tcp-echo.js. */
public final class S23TcpEcho implements Scenario {
    @Override
    public String id() {
        return "23-tcp-echo";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                TcpServer[] server = new TcpServer[1];
                server[0] = loop.createServer(sock -> {
                    t.log("server: connection");
                    sock.onData(d -> {
                        t.log("server: data " + new String(d, StandardCharsets.UTF_8));
                        sock.write(d);
                    });
                    sock.onEnd(() -> t.log("server: end"));
                    sock.onClose(() -> {
                        t.log("server: close");
                        server[0].close(() -> t.log("server: closed"));
                    });
                });
                server[0].listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), () -> {
                    t.log("listening");
                    TcpSocket[] c = new TcpSocket[1];
                    c[0] = loop.connect(server[0].address(), () -> {
                        t.log("client: connect");
                        c[0].write("hello".getBytes(StandardCharsets.UTF_8));
                    });
                    c[0].onData(d -> {
                        t.log("client: data " + new String(d, StandardCharsets.UTF_8));
                        c[0].end();
                    });
                    c[0].onEnd(() -> t.log("client: end"));
                    c[0].onClose(() -> t.log("client: close"));
                });
                t.log("main");
            });
        }
    }
}
