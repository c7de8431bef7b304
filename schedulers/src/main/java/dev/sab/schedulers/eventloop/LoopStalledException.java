package dev.sab.schedulers.eventloop;

/**
 * Thrown out of {@link EventLoop#run(Runnable)} when the watchdog, set to abort, reported a stall:
 * the loop stopped at its next callback boundary instead of hanging.
 */
public final class LoopStalledException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient LoopStall stall;

    public LoopStalledException(LoopStall stall) {
        super("event loop '" + stall.loop() + "' stopped by its watchdog: " + stall.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " for " + stall.stalledFor().toMillis() + " ms in the " + stall.phase() + " phase");
        this.stall = stall;
    }

    /** The watchdog's report. */
    public LoopStall stall() {
        return stall;
    }
}
