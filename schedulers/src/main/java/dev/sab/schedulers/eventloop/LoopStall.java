package dev.sab.schedulers.eventloop;

import java.time.Duration;
import java.util.Arrays;

/**
 * What the watchdog saw when a loop stopped making progress (see
 * {@link EventLoopOptions.Builder#watchdog}).
 *
 * @param loop          the loop's name
 * @param kind          blocked in one callback, or starved by callbacks that never let it leave a phase
 * @param phase         the phase it was stuck in ("timers", "poll", ...; "main" for the main script)
 * @param stalledFor    how long, on the loop's clock, when the report was made
 * @param running       what it was running last: a callback's or microtask's class
 * @param callbacksRun  callbacks and microtasks the loop had run in all, when the report was made
 * @param stack         the loop thread's stack (or the running coroutine's) when the report was made
 */
public record LoopStall(String loop, Kind kind, String phase, Duration stalledFor, String running, long callbacksRun,
                        StackTraceElement[] stack) {

    /** Why the loop made no progress. */
    public enum Kind {
        /** One callback ran the whole time: CPU-bound work or a blocking call on the loop thread. */
        BLOCKED,
        /** Callbacks or microtasks kept completing but the loop never reached its next phase. */
        STARVED
    }

    public LoopStall {
        stack = stack.clone();
    }

    @Override
    public StackTraceElement[] stack() {
        return stack.clone();
    }

    /** One paragraph, with the top of the stack, as Vert.x's blocked-thread warning prints it. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder()
                .append("event loop '").append(loop).append("' ")
                .append(kind == Kind.BLOCKED ? "blocked" : "starved")
                .append(" for ").append(stalledFor.toMillis()).append(" ms in the ").append(phase).append(" phase")
                .append(kind == Kind.BLOCKED ? ", running " : ", last running ").append(running)
                .append(" (").append(callbacksRun).append(" callbacks and microtasks run so far)");
        Arrays.stream(stack).limit(12).forEach(e -> b.append("\n\tat ").append(e));
        return b.toString();
    }
}
