package dev.sab.harness.cli;

/** Bad usage or bad input: reported as one line naming the bad value and what is valid, exit code 2. */
final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }

    UsageError(String message, Throwable cause) {
        super(message, cause);
    }
}
