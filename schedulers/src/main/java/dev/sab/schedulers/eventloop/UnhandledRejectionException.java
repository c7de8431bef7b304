package dev.sab.schedulers.eventloop;

/**
 * Node's ERR_UNHANDLED_REJECTION: what {@link EventLoop#run(Runnable)} ends with when a promise is
 * rejected with a checked exception that nothing handles (unchecked reasons end the loop as they
 * are, as Node rethrows an Error reason itself). The cause is the rejection reason.
 */
public final class UnhandledRejectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnhandledRejectionException(Throwable reason) {
        super("a promise was rejected and nothing handled it: " + reason, reason);
    }
}
