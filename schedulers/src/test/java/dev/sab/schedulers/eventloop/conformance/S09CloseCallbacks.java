package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.TcpServer;
import dev.sab.schedulers.eventloop.TcpSocket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Twin of 09-close-callbacks.js. */
public final class S09CloseCallbacks implements Scenario {
    @Override
    public String id() {
        return "09-close-callbacks";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                TcpServer server = loop.createServer(s -> s.onError(e -> { }));
                server.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), () -> {
                    Map<String, TcpSocket> sockets = new LinkedHashMap<>();
                    int[] connected = {0};
                    for (String name : List.of("a", "b", "c")) {
                        sockets.put(name, loop.connect(server.address(), () -> {
                            if (++connected[0] < 3) {
                                return;
                            }
                            t.log("all connected; destroying a, b, c");
                            sockets.forEach((n, s) -> s.onClose(() -> t.log("close " + n)));
                            new ArrayList<>(sockets.values()).forEach(TcpSocket::destroy);
                            loop.setImmediate(() -> t.log("immediate"));
                            loop.nextTick(() -> t.log("nextTick"));
                            server.close(() -> t.log("server closed"));
                        }));
                    }
                });
            });
        }
    }
}
