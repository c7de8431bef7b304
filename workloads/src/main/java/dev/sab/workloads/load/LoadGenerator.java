package dev.sab.workloads.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * sab's load generator: HTTP/1.1 GETs over keep-alive loopback connections from one thread with a
 * non-blocking {@link Selector}, in one of two models.
 *
 * <ul>
 * <li><b>Open loop</b> (a rate): request {@code k} is due at {@code start + k / rate} (or at the
 *     k-th arrival of a Poisson process of that rate), whatever happened to earlier requests; a {@link Pacer} releases it on time and it goes out on the first
 *     idle connection. Its latency is measured from its <em>intended</em> send time, so a server
 *     that stalls is charged for every request that should have been sent during the stall, not
 *     only for the one it was serving. This is wrk2's correction for coordinated omission.</li>
 * <li><b>Closed loop</b> (no rate): each connection sends its next request as soon as the previous
 *     answer arrives, and latency runs from the actual send: wrk's model, used to compare with wrk.</li>
 * </ul>
 *
 * <p>Each request is {@code GET <route>?n=<k>}; the answer must be {@code 200} with the body
 * {@code "<tag> <k>\n"} (sab's http server), so a response delivered to the wrong request counts as
 * failed. Bounded in count ({@link LoadSpec#requests}) and in time ({@link LoadSpec#duration}, then
 * at most {@link LoadSpec#timeout} for the last answers).
 *
 * <p>Called from one thread; it owns the selector and every connection.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final int MAX_ERRORS_KEPT = 5;
    private static final long HOUSEKEEPING_NANOS = 10_000_000L; // timeouts and reconnects checked every 10 ms
    private static final long REOPEN_DELAY_NANOS = 10_000_000L; // a refused connection is retried after 10 ms, not in a spin
    private static final long MAX_CONNECT_FAILURES_PER_CONNECTION = 10; // then the server is taken to be gone

    private final LoadSpec spec;
    private final Selector selector;
    private final ClientConnection[] connections;
    private final long[] reopenAt;
    private final ArrayDeque<ClientConnection> idle = new ArrayDeque<>();
    private final SplittableRandom random;
    /** The intended send times, in step with {@code issued}; null in closed loop. */
    private final Schedule schedule;
    private final double[] cumulativeWeight;
    private final String[] paths;
    private final byte[][] requestStarts;
    private final byte[][] tags;

    private final long[] sent;
    private final long[] ok;
    private final long[] failed;
    private final long[] timedOut;
    private final Histogram[] latency;
    private final List<String> errors = new ArrayList<>();
    private long connectFailures;
    private long reconnects;

    /** The thread running {@link #execute}: the only one that touches the selector, the connections and the counts. */
    private Thread owner;
    private long issued;
    private long inFlight;
    private long startNanos;
    private long lastAnswerNanos;
    private boolean stopped;

    private LoadGenerator(LoadSpec spec) throws IOException {
        this.spec = spec;
        this.selector = Selector.open();
        int routes = spec.routes().size();
        this.paths = new String[routes];
        this.requestStarts = new byte[routes][];
        this.tags = new byte[routes][];
        this.cumulativeWeight = new double[routes];
        double total = 0;
        for (int i = 0; i < routes; i++) {
            LoadSpec.Route r = spec.routes().get(i);
            paths[i] = r.path();
            requestStarts[i] = ("GET " + r.path() + "?n=").getBytes(StandardCharsets.ISO_8859_1);
            tags[i] = r.tag().getBytes(StandardCharsets.ISO_8859_1);
            total += r.weight();
            cumulativeWeight[i] = total;
        }
        for (int i = 0; i < routes; i++) {
            cumulativeWeight[i] /= total;
        }
        this.random = new SplittableRandom(spec.seed());
        this.schedule = spec.openLoop() ? new Schedule(spec) : null;
        this.sent = new long[routes];
        this.ok = new long[routes];
        this.failed = new long[routes];
        this.timedOut = new long[routes];
        this.latency = new Histogram[routes];
        for (int i = 0; i < routes; i++) {
            latency[i] = new Histogram(LoadReport.SIGNIFICANT_DIGITS);
        }
        this.connections = new ClientConnection[spec.connections()];
        this.reopenAt = new long[spec.connections()];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = new ClientConnection(i, spec.target());
        }
    }

    /**
     * Runs {@code spec} to its end and reports what happened. Problems of the server (refused
     * connections, wrong answers, timeouts) are in the report, not thrown.
     *
     * @throws IOException if the generator itself cannot work (no selector)
     */
    public static LoadReport run(LoadSpec spec) throws IOException, InterruptedException {
        try (LoadGenerator g = new LoadGenerator(spec)) {
            return g.execute();
        }
    }

    private LoadReport execute() throws IOException, InterruptedException {
        owner = Thread.currentThread();
        if (!connectAll()) {
            return report(0, spec.requests() == LoadSpec.UNBOUNDED ? 0 : spec.requests());
        }
        startNanos = System.nanoTime();
        lastAnswerNanos = startNanos;
        long durationNanos = spec.duration().toNanos();
        long released = 0;
        try (Pacer pacer = spec.openLoop() ? new Pacer(spec, startNanos, selector) : null) {
            long nextHousekeeping = startNanos + HOUSEKEEPING_NANOS;
            while (true) {
                long now = System.nanoTime();
                if (!stopped && (now - startNanos >= durationNanos || issued >= spec.requests()
                        || connectFailures > MAX_CONNECT_FAILURES_PER_CONNECTION * connections.length)) {
                    stopped = true;
                }
                if (!stopped) {
                    released = pacer != null ? pacer.released() : spec.requests();
                    dispatch(released, now);
                }
                if (stopped && inFlight == 0) {
                    break;
                }
                if (now >= nextHousekeeping) {
                    expireTimedOut(now);
                    if (!stopped) {
                        reopenClosed(now);
                    }
                    nextHousekeeping = now + HOUSEKEEPING_NANOS;
                }
                selector.select(Math.max(1, (nextHousekeeping - now) / 1_000_000L));
                handleSelected();
            }
        }
        long end = Math.max(lastAnswerNanos, startNanos);
        long unsent;
        if (spec.requests() != LoadSpec.UNBOUNDED) {
            unsent = spec.requests() - issued; // due or not: a run bounded by count owes every request
        } else {
            unsent = spec.openLoop() ? Math.max(0, released - issued) : 0; // due, but every connection was busy
        }
        return report(end - startNanos, unsent);
    }

    /** Opens every connection and waits until each is connected or has failed; false if none connected. */
    private boolean connectAll() throws IOException {
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        int pending = 0;
        for (ClientConnection c : connections) {
            try {
                c.reopen(selector);
                if (c.state() == ClientConnection.State.IDLE) {
                    idle.add(c);
                } else {
                    pending++;
                }
            } catch (IOException e) {
                connectFailed(c, e, System.nanoTime());
            }
        }
        while (pending > 0 && System.nanoTime() < deadline) {
            selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey key = it.next();
                it.remove();
                ClientConnection c = (ClientConnection) key.attachment();
                if (key.isValid() && key.isConnectable()) {
                    pending--;
                    try {
                        if (c.finishConnect()) {
                            idle.add(c);
                        }
                    } catch (IOException e) {
                        connectFailed(c, e, System.nanoTime());
                    }
                }
            }
        }
        for (ClientConnection c : connections) {
            if (c.state() == ClientConnection.State.CONNECTING) {
                connectFailed(c, new IOException("connect timed out after " + spec.timeout().toMillis() + " ms"), System.nanoTime());
            }
        }
        return !idle.isEmpty();
    }

    /** Sends due requests on idle connections, oldest due first. Called only on the owner thread. */
    private void dispatch(long due, long now) {
        assert Thread.currentThread() == owner;
        long limit = Math.min(due, spec.requests());
        while (issued < limit) {
            ClientConnection c = idle.poll();
            if (c == null) {
                return;
            }
            if (c.state() != ClientConnection.State.IDLE) {
                continue; // closed since it became idle
            }
            int route = chooseRoute();
            // closed loop: the clock starts at this request's own write, not at the start of the batch
            long sendTime = spec.openLoop() ? now : System.nanoTime();
            long intended = spec.openLoop() ? startNanos + schedule.nextOffsetNanos() : sendTime;
            sent[route]++;
            inFlight++;
            try {
                c.send(issued, route, requestStarts[route], intended, sendTime);
            } catch (IOException e) {
                requestFailed(c, "sending GET " + paths[route] + ": " + e.getMessage(), now);
            }
            issued++;
        }
    }

    private int chooseRoute() {
        if (paths.length == 1) {
            return 0;
        }
        double u = random.nextDouble();
        for (int i = 0; i < cumulativeWeight.length - 1; i++) {
            if (u < cumulativeWeight[i]) {
                return i;
            }
        }
        return cumulativeWeight.length - 1;
    }

    /** Completes connects, writes and reads the selector reported. Called only on the owner thread. */
    private void handleSelected() {
        assert Thread.currentThread() == owner;
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            ClientConnection c = (ClientConnection) key.attachment();
            long now = System.nanoTime();
            if (!key.isValid()) {
                continue;
            }
            try {
                if (key.isConnectable()) {
                    if (c.finishConnect()) {
                        idle.add(c);
                    }
                    continue;
                }
                if (key.isWritable()) {
                    c.continueWrite();
                }
                if (key.isValid() && key.isReadable()) {
                    HttpResponseReader response = c.read();
                    if (response != null) {
                        answered(c, response, System.nanoTime());
                    }
                }
            } catch (IOException e) {
                if (c.state() == ClientConnection.State.CONNECTING) {
                    connectFailed(c, e, now);
                } else if (c.busy()) {
                    requestFailed(c, "GET " + paths[c.route] + "?n=" + c.request + ": " + e.getMessage(), now);
                } else {
                    reconnects++; // the server closed an idle keep-alive connection: not an error, open another
                    c.closeQuietly();
                    reopenAt[c.id] = now;
                }
            } catch (HttpResponseReader.ProtocolException e) {
                if (c.busy()) {
                    requestFailed(c, "GET " + paths[c.route] + "?n=" + c.request + ": " + e.getMessage(), now);
                } else {
                    error(e.getMessage());
                    c.closeQuietly();
                    reopenAt[c.id] = now + REOPEN_DELAY_NANOS;
                }
            }
        }
    }

    private void answered(ClientConnection c, HttpResponseReader response, long now) {
        int route = c.route;
        if (response.status() == 200 && response.bodyIs(tags[route], c.request)) {
            ok[route]++;
            latency[route].recordValue(Math.max(0, now - c.intendedNanos));
        } else {
            failed[route]++;
            error("GET " + paths[route] + "?n=" + c.request + ": status " + response.status() + ", body '" + response.body().strip()
                    + "', expected 200 and '" + new String(tags[route], StandardCharsets.ISO_8859_1) + " " + c.request + "'");
        }
        inFlight--;
        lastAnswerNanos = now;
        if (response.close()) {
            c.closeQuietly();
            reconnects++;
            reopenAt[c.id] = now;
        } else {
            c.idle();
            idle.add(c);
        }
    }

    private void requestFailed(ClientConnection c, String message, long now) {
        failed[c.route]++;
        inFlight--;
        lastAnswerNanos = now;
        error(message);
        c.closeQuietly();
        reconnects++;
        reopenAt[c.id] = now + REOPEN_DELAY_NANOS;
    }

    private void connectFailed(ClientConnection c, IOException e, long now) {
        connectFailures++;
        error("connecting to " + spec.target() + ": " + e.getMessage());
        c.closeQuietly();
        reopenAt[c.id] = now + REOPEN_DELAY_NANOS;
    }

    /** Requests outstanding longer than the timeout count as timed out; their connections are replaced. */
    private void expireTimedOut(long now) {
        long timeout = spec.timeout().toNanos();
        for (ClientConnection c : connections) {
            if (c.busy() && now - c.sentNanos > timeout) {
                timedOut[c.route]++;
                inFlight--;
                lastAnswerNanos = now;
                error("GET " + paths[c.route] + "?n=" + c.request + ": no answer within " + spec.timeout().toMillis() + " ms");
                c.closeQuietly();
                reconnects++;
                reopenAt[c.id] = now;
            }
        }
    }

    private void reopenClosed(long now) {
        for (ClientConnection c : connections) {
            if (c.state() == ClientConnection.State.CLOSED && now >= reopenAt[c.id]) {
                try {
                    c.reopen(selector);
                    if (c.state() == ClientConnection.State.IDLE) {
                        idle.add(c);
                    }
                } catch (IOException e) {
                    connectFailed(c, e, now);
                }
            }
        }
    }

    private void error(String message) {
        if (errors.size() < MAX_ERRORS_KEPT) {
            errors.add(message);
        }
    }

    private LoadReport report(long elapsedNanos, long unsent) {
        List<LoadReport.RouteResult> routes = new ArrayList<>();
        for (int i = 0; i < paths.length; i++) {
            routes.add(new LoadReport.RouteResult(paths[i], sent[i], ok[i], failed[i], timedOut[i], latency[i]));
        }
        return new LoadReport(elapsedNanos, spec.openLoop(), spec.ratePerSec(), connections.length, routes, unsent,
                connectFailures, reconnects, errors);
    }

    @Override
    public void close() throws IOException {
        for (ClientConnection c : connections) {
            c.closeQuietly();
        }
        selector.close();
    }
}
