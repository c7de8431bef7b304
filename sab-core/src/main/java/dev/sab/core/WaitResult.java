package dev.sab.core;

/**
 * What {@code Atomics.wait} returns, and what a {@code waitAsync} promise completes with; the
 * {@link #toString()} of each is ECMAScript's string.
 */
public enum WaitResult {
    /** Woken by {@code Atomics.notify}: ECMAScript's {@code "ok"}. */
    OK("ok"),
    /** The element did not hold the expected value, so the agent did not wait: {@code "not-equal"}. */
    NOT_EQUAL("not-equal"),
    /** The timeout passed before a notify: {@code "timed-out"}. */
    TIMED_OUT("timed-out");

    private final String ecmaScriptName;

    WaitResult(String ecmaScriptName) {
        this.ecmaScriptName = ecmaScriptName;
    }

    @Override
    public String toString() {
        return ecmaScriptName;
    }
}
