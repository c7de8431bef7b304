package dev.sab.workloads.internal;

import dev.sab.schedulers.Conn;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Listener;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.TaskHandle;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A TCP server on a scheduler, written once against {@link Ctx}: one task accepts, and each
 * connection gets a task of its own running the {@link ConnectionHandler} in blocking style. The
 * servers of the {@code echo} and {@code http} workloads are this plus their protocol.
 *
 * <p>Shutdown, {@link #stop}: (1) mark the server stopping; (2) connect to it once, which wakes the
 * accept task on every scheduler (whether or not closing a listener wakes a blocked accept: the
 * Conn contract does not say), and the accept task closes that connection and the listener and
 * ends; (3) close the connections clients left open, from a task of the scheduler (the Conn
 * contract allows calls only from its scheduler's tasks), so their tasks' reads end.
 *
 * <p>Thread-safe: counters are adders, the set of open connections is concurrent.
 */
public final class LoopbackServer {

    /** Serves one connection until it ends; the server closes it afterwards. Runs on the connection's own task. */
    @FunctionalInterface
    public interface ConnectionHandler {
        void serve(Ctx ctx, Conn conn) throws IOException;
    }

    private final Scheduler scheduler;
    private final ConnectionHandler handler;
    private final Listener listener;
    private final InetSocketAddress address;
    private final Set<Conn> open = ConcurrentHashMap.newKeySet();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder connectionErrors = new LongAdder();
    private final AtomicReference<Throwable> acceptFailure = new AtomicReference<>();
    private final TaskHandle<Void> acceptTask;
    private volatile boolean stopping;

    private LoopbackServer(Scheduler scheduler, ConnectionHandler handler, Listener listener) {
        this.scheduler = scheduler;
        this.handler = handler;
        this.listener = listener;
        this.address = listener.address();
        this.acceptTask = scheduler.spawn(this::acceptLoop);
    }

    /**
     * Listens on {@code bind} (loopback; port 0 picks a free one) from a task of {@code scheduler}
     * and starts accepting. Called from outside the scheduler.
     */
    public static LoopbackServer start(Scheduler scheduler, InetSocketAddress bind, ConnectionHandler handler) throws Exception {
        Listener listener = scheduler.submit(ctx -> ctx.listen(bind)).join();
        return new LoopbackServer(scheduler, handler, listener);
    }

    /** Where the server listens, with the real port. */
    public InetSocketAddress address() {
        return address;
    }

    private void acceptLoop(Ctx ctx) throws IOException {
        try {
            while (true) {
                Conn conn;
                try {
                    conn = listener.accept();
                } catch (IOException e) {
                    if (stopping) {
                        return;
                    }
                    throw e;
                }
                if (stopping) {
                    conn.close();
                    return;
                }
                accepted.increment();
                open.add(conn);
                ctx.spawn(c -> serve(c, conn));
            }
        } catch (IOException | RuntimeException e) {
            acceptFailure.set(e);
            throw e;
        } finally {
            listener.close();
        }
    }

    private void serve(Ctx ctx, Conn conn) {
        try (conn) {
            handler.serve(ctx, conn);
        } catch (IOException e) {
            if (!stopping) {
                connectionErrors.increment(); // a reset or a socket error ends that connection; the server goes on
            }
        } finally {
            open.remove(conn);
        }
    }

    /**
     * Stops accepting, closes what clients left open, and waits up to {@code grace} for each step.
     * Called once, from outside the scheduler (the harness thread).
     */
    public void stop(Duration grace) throws InterruptedException {
        stopping = true;
        TaskHandle<Void> poke = scheduler.spawn(ctx -> {
            try (Conn ignored = ctx.connect(address)) {
                // connecting is enough: the accept task wakes, sees stopping, and ends
            } catch (IOException refused) {
                // the listener is closed already: the accept task has ended
            }
        });
        poke.join(grace);
        acceptTask.join(grace);
        if (!open.isEmpty()) {
            scheduler.spawn(ctx -> {
                for (Conn c : open) {
                    try {
                        c.close();
                    } catch (IOException ignored) {
                        // closing only to end its task; an error changes nothing
                    }
                }
            }).join(grace);
        }
    }

    /** Connections accepted so far. */
    public long accepted() {
        return accepted.sum();
    }

    /** Connections that ended with a socket error rather than a clean close. */
    public long connectionErrors() {
        return connectionErrors.sum();
    }

    /** Why the accept task ended before {@link #stop}, or null. */
    public Throwable acceptFailure() {
        return acceptFailure.get();
    }
}
