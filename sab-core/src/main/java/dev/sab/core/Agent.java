package dev.sab.core;

import java.util.Objects;

/**
 * An ECMAScript agent: the thing that executes code and may, or may not, block in
 * {@code Atomics.wait}.
 *
 * <p>In a browser the main thread is an agent whose {@code [[CanBlock]]} is false; Node's main
 * thread and every worker may block. sab maps agents onto Java threads: a thread runs as the
 * agent bound to it with {@link #runAs} or {@link #bindToCurrentThread}, and as {@link #DEFAULT}
 * (a blocking agent) otherwise. Event-loop threads bind a non-blocking agent (browser main-thread
 * semantics) unless the event loop is configured for Node's semantics, where the main thread may
 * block: that choice is the event loop's setting, expressed by which agent it binds.
 *
 * <p>What depends on it: {@link Atomics#wait(Int32Array, int, int, double)} throws
 * {@link IllegalStateException} when the current agent may not block (after validating its
 * arguments, before comparing the value, as the specification orders it); so do the blocking
 * operations of {@code Lock}, {@code Condition}, {@code Semaphore} and {@code Latch} when they
 * would have to wait, with messages that point to their asynchronous forms. {@code waitAsync} and {@code notify} work for every
 * agent. The binding is a plain {@link ThreadLocal}: a thread started by an agent does not inherit
 * it, as a worker does not inherit its parent's {@code [[CanBlock]]}.
 *
 * <p>Thread-safe: agents are immutable; the binding is per thread.
 */
public final class Agent {

    /** The agent of any thread that has not bound one: it may block, as a Node worker may. */
    public static final Agent DEFAULT = new Agent("default", true);

    private static final ThreadLocal<Agent> CURRENT = new ThreadLocal<>();

    private final String name;
    private final boolean canBlock;

    private Agent(String name, boolean canBlock) {
        this.name = Objects.requireNonNull(name, "name");
        this.canBlock = canBlock;
    }

    /** An agent that may block in {@code Atomics.wait}. */
    public static Agent blocking(String name) {
        return new Agent(name, true);
    }

    /** An agent that may not block: {@code Atomics.wait} fails on it; {@code waitAsync} works. */
    public static Agent nonBlocking(String name) {
        return new Agent(name, false);
    }

    /** The agent the calling thread runs as: the one bound with {@link #runAs}, else {@link #DEFAULT}. */
    public static Agent current() {
        Agent bound = CURRENT.get();
        return bound != null ? bound : DEFAULT;
    }

    /**
     * Runs {@code body} on the calling thread as this agent, restoring the previous binding after.
     */
    public void runAs(Runnable body) {
        Agent previous = CURRENT.get();
        CURRENT.set(this);
        try {
            body.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * Binds this agent to the calling thread for the rest of its life. For threads a scheduler
     * owns (an event-loop thread), where there is no enclosing call to scope a binding to.
     */
    public void bindToCurrentThread() {
        CURRENT.set(this);
    }

    /**
     * Throws unless the calling thread's agent may block: the check {@code Atomics.wait} and the
     * blocking operations of the locks make first. {@code operation} and {@code instead} name the
     * refused call and its asynchronous alternative, for the message.
     */
    static void requireCurrentCanBlock(String operation, String instead) {
        Agent agent = current();
        if (!agent.canBlock) {
            throw new IllegalStateException(operation + " would block " + agent
                    + ", which may not block (a browser main thread or an event loop); use " + instead);
        }
    }

    /** ECMAScript's {@code [[CanBlock]]}: whether {@code Atomics.wait} may suspend this agent. */
    public boolean canBlock() {
        return canBlock;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Agent[" + name + (canBlock ? ", may block]" : ", may not block]");
    }
}
