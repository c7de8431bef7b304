package dev.sab.schedulers;

/**
 * A unit of work written once, in blocking style, against {@link Ctx}; every scheduler runs it in
 * its own idiom. A task that returns a value is a {@link ValueTask}.
 *
 * <p>A task is the value task that returns null, so schedulers run both kinds through one path and
 * spawning a task allocates nothing to adapt it (16 bytes and a stack frame per task, which a
 * million sleeping tasks notice).
 */
@FunctionalInterface
public interface Task extends ValueTask<Void> {
    void run(Ctx ctx) throws Exception;

    /** Runs the task; its value is null. */
    @Override
    default Void call(Ctx ctx) throws Exception {
        run(ctx);
        return null;
    }
}
