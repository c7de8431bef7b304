package dev.sab.workloads.http;

import dev.sab.schedulers.Conn;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Scheduler;
import dev.sab.workloads.internal.LoopbackServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small HTTP/1.1 server written once against {@link Ctx}: a {@link LoopbackServer} whose
 * connection tasks read requests one after another (keep-alive, pipelining tolerated), ask the
 * {@link Handler} for each answer, and write it. On an event loop the connection tasks are
 * coroutines of the loop thread, so a handler that burns CPU holds up every other connection: the
 * point of the comparison.
 *
 * <p>Thread-safe: the counters are adders.
 */
public final class HttpServer {

    /** Answers one request; runs on the connection's task, so it may use {@code ctx} (burn CPU, sleep). */
    @FunctionalInterface
    public interface Handler {
        HttpResponse handle(Ctx ctx, HttpRequest request) throws Exception;
    }

    private final Handler handler;
    private final LongAdder answered = new LongAdder();
    private final LongAdder badRequests = new LongAdder();
    private final LongAdder handlerFailures = new LongAdder();
    private LoopbackServer server;

    private HttpServer(Handler handler) {
        this.handler = handler;
    }

    /** Listens on {@code bind} (loopback; port 0 picks a free one) and serves on {@code scheduler}'s tasks. */
    public static HttpServer start(Scheduler scheduler, InetSocketAddress bind, Handler handler) throws Exception {
        HttpServer http = new HttpServer(handler);
        http.server = LoopbackServer.start(scheduler, bind, http::serve);
        return http;
    }

    public InetSocketAddress address() {
        return server.address();
    }

    private void serve(Ctx ctx, Conn conn) throws IOException {
        HttpRequestReader reader = new HttpRequestReader(conn);
        while (true) {
            HttpRequest request;
            try {
                request = reader.next();
            } catch (HttpRequestReader.BadRequest bad) {
                badRequests.increment();
                conn.write(bad.response.encode(true));
                return;
            }
            if (request == null) {
                return;
            }
            HttpResponse response;
            try {
                response = handler.handle(ctx, request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                handlerFailures.increment();
                response = HttpResponse.error(500, "Internal Server Error", e.toString());
            }
            conn.write(response.encode(!request.keepAlive()));
            answered.increment();
            if (!request.keepAlive()) {
                return;
            }
        }
    }

    /** Stops accepting and closes what clients left open; see {@link LoopbackServer#stop}. */
    public void stop(Duration grace) throws InterruptedException {
        server.stop(grace);
    }

    /** Connections accepted so far. */
    public long accepted() {
        return server.accepted();
    }

    /** Answers written in full, of any status. */
    public long answered() {
        return answered.sum();
    }

    /** Requests refused as unreadable (400, 431, 501, 505). */
    public long badRequests() {
        return badRequests.sum();
    }

    /** Handler calls that threw and were answered 500. */
    public long handlerFailures() {
        return handlerFailures.sum();
    }

    /** Why the accept task ended before {@link #stop}, or null. */
    public Throwable acceptFailure() {
        return server.acceptFailure();
    }
}
