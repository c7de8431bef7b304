package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.UvAsync;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One direction of a message channel between two loops (half of Node's MessagePort pair): any
 * thread posts an already-cloned message; the receiving loop delivers each message as its own
 * poll-phase callback, through an async handle, once a listener is set (a port queues messages
 * until it is started, as Node's does when its first 'message' listener is added). At most
 * {@value #MESSAGES_PER_WAKE} messages are delivered per wake-up, so a flood of messages cannot
 * starve the rest of the poll phase.
 *
 * <p>{@link #post} is thread-safe; everything else is called only on the receiving loop's thread.
 */
final class PortQueue {
    /** Node: MessagePort::OnMessage handles at most max(queued, 1000) messages per call. */
    static final int MESSAGES_PER_WAKE = 1000;

    private final ConcurrentLinkedQueue<Object> messages = new ConcurrentLinkedQueue<>();
    private volatile UvAsync receiver; // set once the receiving loop attaches (pairs with the read in post())
    private volatile boolean closed; // set on the receiving loop; read by posting threads (a post racing a close may still be queued, and is dropped)
    private EventLoop loop;
    private Consumer<Object> listener;

    /** Queues a message for the receiver. Thread-safe. */
    void post(Object message) {
        if (closed) {
            return; // Node: a message to a closed port is dropped
        }
        messages.offer(message);
        UvAsync r = receiver;
        if (r != null) {
            r.send();
        }
    }

    /** Makes the calling loop the receiver. Called once, on the receiving loop's thread. */
    void attach(EventLoop receivingLoop) {
        this.loop = receivingLoop;
        UvAsync r = new UvAsync(receivingLoop.uv, this::deliver);
        r.unref(); // only a started port (one with a listener) keeps its loop alive
        receiver = r;
        if (!messages.isEmpty()) {
            r.send(); // messages posted before we attached
        }
    }

    /** Sets the 'message' listener and starts the port: it now keeps the loop alive. */
    void listen(Consumer<Object> l) {
        listener = l;
        if (!closed && receiver != null) {
            receiver.ref();
            if (!messages.isEmpty()) {
                receiver.send();
            }
        }
    }

    void ref() {
        if (!closed && receiver != null) {
            receiver.ref();
        }
    }

    void unref() {
        if (receiver != null) {
            receiver.unref();
        }
    }

    private void deliver() {
        Consumer<Object> l = listener;
        if (l == null || closed) {
            return;
        }
        for (int i = 0; i < MESSAGES_PER_WAKE; i++) {
            Object m = messages.poll();
            if (m == null) {
                return;
            }
            loop.scope.makeCallback(Phase.POLL, () -> l.accept(m), l);
        }
        if (!messages.isEmpty()) {
            receiver.send();
        }
    }

    /** Delivers whatever is queued now (Node drains a worker's ports before its 'exit'). */
    void drainNow() {
        deliver();
    }

    /** Closes the receiving end: later posts are dropped and the loop is no longer held. */
    void close() {
        closed = true;
        UvAsync r = receiver;
        if (r != null && !r.isClosing()) {
            r.close(null);
        }
    }

    boolean isClosed() {
        return closed;
    }
}
