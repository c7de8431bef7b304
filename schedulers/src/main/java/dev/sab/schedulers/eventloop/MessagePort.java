package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.StructuredClone;

import java.util.List;
import java.util.function.Consumer;

/**
 * A worker's {@code parentPort}: {@link #postMessage} sends a structured clone to the parent
 * thread's {@link Worker}; {@link #onMessage} receives what the parent posts. Setting a listener
 * starts the port, which then keeps the worker's loop alive until {@link #close()} or
 * {@link #unref()}.
 *
 * <p>{@link #postMessage} may be called from the worker's loop thread; the rest only there too.
 */
public final class MessagePort {
    private final EventLoop loop;
    private final PortQueue inbound;  // parent -> this side
    private final PortQueue outbound; // this side -> parent

    MessagePort(EventLoop loop, PortQueue inbound, PortQueue outbound) {
        this.loop = loop;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /** {@code port.postMessage(value)}: the receiver gets a structured clone made now. */
    public void postMessage(Object value) {
        postMessage(value, List.of());
    }

    /**
     * {@code port.postMessage(value, transferList)}: objects in {@code transferList} (ArrayBuffers)
     * are moved, not copied: the sender's copy is detached.
     *
     * @throws DataCloneException if {@code value} cannot be cloned
     */
    public void postMessage(Object value, List<?> transferList) {
        loop.checkThread("MessagePort.postMessage");
        if (inbound.isClosed()) {
            return;
        }
        outbound.post(StructuredClone.copy(value, transferList));
    }

    /** {@code port.on('message', listener)}: starts the port. */
    public MessagePort onMessage(Consumer<Object> listener) {
        loop.checkThread("MessagePort.onMessage");
        inbound.listen(listener);
        return this;
    }

    /** {@code port.close()}: no more messages either way; the worker's loop is no longer held by the port. */
    public void close() {
        loop.checkThread("MessagePort.close");
        inbound.close();
    }

    public MessagePort ref() {
        loop.checkThread("MessagePort.ref");
        inbound.ref();
        return this;
    }

    public MessagePort unref() {
        loop.checkThread("MessagePort.unref");
        inbound.unref();
        return this;
    }
}
