package dev.sab.schedulers.eventloop;

/**
 * One outcome from {@link Promise#allSettled}: JavaScript's {@code {status, value}} or
 * {@code {status, reason}}.
 *
 * @param status "fulfilled" or "rejected"
 * @param value  the value, when fulfilled
 * @param reason the reason, when rejected
 */
public record Settled<T>(String status, T value, Throwable reason) {

    static <T> Settled<T> fulfilled(T value) {
        return new Settled<>("fulfilled", value, null);
    }

    static <T> Settled<T> rejected(Throwable reason) {
        return new Settled<>("rejected", null, reason);
    }

    public boolean isFulfilled() {
        return "fulfilled".equals(status);
    }
}
