package dev.sab.schedulers;

/**
 * A unit of work written once, in blocking style, against {@link Ctx}; every scheduler runs it in
 * its own idiom. A task that returns a value is a {@link ValueTask}.
 */
@FunctionalInterface
public interface Task {
    void run(Ctx ctx) throws Exception;
}
