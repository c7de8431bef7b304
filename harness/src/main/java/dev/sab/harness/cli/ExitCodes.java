package dev.sab.harness.cli;

/** sab's exit codes. */
final class ExitCodes {
    /** Everything ran and every trial and check passed. */
    static final int OK = 0;
    /** A trial or a check failed; the results of everything that finished are written. */
    static final int FAILED = 1;
    /** Bad usage or bad input; nothing ran. */
    static final int USAGE = 2;
    /** Stopped by Ctrl-C (128 + SIGINT, as shells report it); the trials that finished are written. */
    static final int STOPPED = 130;

    private ExitCodes() {
    }
}
