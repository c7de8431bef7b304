package dev.sab.schedulers.eventloop;

import java.util.List;

/** JavaScript's AggregateError: what {@link Promise#any} rejects with when every promise rejected. */
public final class AggregateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Throwable> errors;

    public AggregateException(List<Throwable> errors) {
        super("All promises were rejected");
        this.errors = List.copyOf(errors);
        errors.forEach(this::addSuppressed);
    }

    /** The rejection reasons, in the order of the promises. */
    public List<Throwable> errors() {
        return errors;
    }
}
