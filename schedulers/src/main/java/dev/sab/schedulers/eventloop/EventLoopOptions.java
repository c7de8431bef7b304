package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.ThreadPool;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How an {@link EventLoop} is made. Immutable; build with {@link #builder()}.
 *
 * @param name                a name for threads and reports
 * @param threadPoolSize      threads in the libuv-style pool for blocking work (UV_THREADPOOL_SIZE; libuv's default 4)
 * @param clock               where the loop gets its time
 * @param canBlock            whether the loop thread's agent may block in {@code Atomics.wait}: false is a browser main
 *                            thread (the default), true is Node's main thread
 * @param unhandledRejections what a promise rejected with no handler does (Node's --unhandled-rejections)
 * @param watchdogThreshold   how long without progress counts as a stall; {@link Duration#ZERO} turns the watchdog off
 * @param watchdogHandler     told of each stall, on the watchdog's thread
 * @param watchdogAbort       whether the loop stops (run() throws {@link LoopStalledException}) after a reported stall
 */
public record EventLoopOptions(String name, int threadPoolSize, LoopClock clock, boolean canBlock,
                               UnhandledRejections unhandledRejections, Duration watchdogThreshold,
                               Consumer<LoopStall> watchdogHandler, boolean watchdogAbort) {

    /** Node's {@code --unhandled-rejections} modes that sab models. */
    public enum UnhandledRejections {
        /**
         * Node 15 and later: an unhandled rejection is reported to
         * {@link EventLoop#onUnhandledRejection} if a handler is set, else raised as an uncaught
         * exception (which ends {@code run()} unless {@link EventLoop#onUncaughtException} is set).
         */
        THROW,
        /** A warning on standard error; the loop goes on. */
        WARN,
        /** Silence. */
        NONE
    }

    public EventLoopOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(unhandledRejections, "unhandledRejections");
        Objects.requireNonNull(watchdogThreshold, "watchdogThreshold");
        Objects.requireNonNull(watchdogHandler, "watchdogHandler");
        if (threadPoolSize < 1 || threadPoolSize > ThreadPool.MAX_SIZE) {
            throw new IllegalArgumentException("threadPoolSize " + threadPoolSize + " is out of range; valid: 1.." + ThreadPool.MAX_SIZE);
        }
        if (watchdogThreshold.isNegative()) {
            throw new IllegalArgumentException("watchdog threshold " + watchdogThreshold + " is negative");
        }
    }

    /** The defaults: Node's, with a browser main thread's agent. */
    public static EventLoopOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a watchdog runs. */
    public boolean watchdogEnabled() {
        return !watchdogThreshold.isZero();
    }

    /** Builds {@link EventLoopOptions}. Not thread-safe. */
    public static final class Builder {
        private String name = "eventloop";
        private int threadPoolSize = ThreadPool.DEFAULT_SIZE;
        private LoopClock clock = LoopClock.system();
        private boolean canBlock;
        private UnhandledRejections unhandledRejections = UnhandledRejections.THROW;
        private Duration watchdogThreshold = Duration.ZERO;
        private Consumer<LoopStall> watchdogHandler = stall -> System.err.println("sab watchdog: " + stall);
        private boolean watchdogAbort;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Threads in the pool for blocking work; UV_THREADPOOL_SIZE in Node (default 4, at most 1024). */
        public Builder threadPoolSize(int threads) {
            this.threadPoolSize = threads;
            return this;
        }

        public Builder clock(LoopClock clock) {
            this.clock = clock;
            return this;
        }

        /** true: Node's main thread, which may block in Atomics.wait; false (default): a browser's, which may not. */
        public Builder canBlock(boolean canBlock) {
            this.canBlock = canBlock;
            return this;
        }

        public Builder unhandledRejections(UnhandledRejections mode) {
            this.unhandledRejections = mode;
            return this;
        }

        /**
         * Turns the watchdog on: a loop that stays in one phase for {@code threshold} (blocked in a
         * callback, or starved by microtasks) is reported to {@code handler}, on the watchdog's own
         * thread; with {@code abort}, the loop then stops at its next callback boundary and
         * {@code run()} throws {@link LoopStalledException}. Vert.x's checker uses 2 s.
         */
        public Builder watchdog(Duration threshold, Consumer<LoopStall> handler, boolean abort) {
            this.watchdogThreshold = threshold;
            this.watchdogHandler = handler;
            this.watchdogAbort = abort;
            return this;
        }

        public EventLoopOptions build() {
            return new EventLoopOptions(name, threadPoolSize, clock, canBlock, unhandledRejections, watchdogThreshold,
                    watchdogHandler, watchdogAbort);
        }
    }
}
