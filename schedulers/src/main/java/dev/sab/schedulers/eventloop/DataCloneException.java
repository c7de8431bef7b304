package dev.sab.schedulers.eventloop;

/**
 * The DOMException "DataCloneError": a value given to {@code postMessage} that the structured clone
 * algorithm cannot copy (a lambda, a thread, an object of a class that is neither a record nor one
 * of the supported value types).
 */
public final class DataCloneException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DataCloneException(String message) {
        super("DataCloneError: " + message);
    }
}
