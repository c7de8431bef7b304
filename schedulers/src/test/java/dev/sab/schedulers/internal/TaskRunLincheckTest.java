package dev.sab.schedulers.internal;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

/**
 * Lincheck model checking of the handshake between a task's end and the future a waiter makes
 * (STYLE.md rule 9): whatever the interleaving, once the task has ended and a future was made,
 * that future is complete, and {@code isDone} is linearizable. A handshake with a lost completion
 * (the end reading the future before it writes the outcome) fails here.
 *
 * <p>{@code cancel} is left out on purpose: it returns false from the moment the body has ended,
 * which is a moment before the outcome is written, so a cancel that lost to the end can be seen
 * next to a task that is not yet done. That window is the handle's contract ("false if the task
 * had already finished": its body has), not a linearizable point; Lincheck finds it at once.
 * Cancelling is checked by {@link TaskRunTest}.
 */
public class TaskRunLincheckTest {

    private static final int DEFAULT_ITERATIONS = 20;

    private final TaskRun<Integer> run = new TaskRun<>(ctx -> 7, null, new TaskRun.Hooks() {
        @Override
        public void counted(TaskRun.Ending ending) {
        }

        @Override
        public void exited() {
        }
    });
    private boolean ran; // the ender's own: the body runs at most once, as a scheduler runs it

    /** The scheduler runs the task (once). */
    @Operation(nonParallelGroup = "ender")
    public void end() {
        if (!ran) {
            ran = true;
            run.run();
        }
    }

    /** A waiter makes the future, as a blocking join or an event loop's await does. */
    @Operation
    public void makeFuture() {
        run.outcome();
    }

    /**
     * After every scenario: if the task ended and a future was made, the future is complete.
     * (Checked after the scenario rather than as an operation's result: between writing the
     * outcome and completing the future, the end has a moment in which the task is done and its
     * future not yet; only a completion that never comes is a bug.)
     */
    @Validate
    public void noCompletionIsLost() {
        CompletableFuture<Integer> f = run.futureIfMade();
        if (run.isDone() && f != null && !f.isDone()) {
            throw new IllegalStateException("the task ended but the future made for it was never completed");
        }
    }

    @Operation
    public boolean isDone() {
        return run.isDone();
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions()
                .iterations(Integer.getInteger("sab.lincheck.iterations", DEFAULT_ITERATIONS))
                .invocationsPerIteration(1_000)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .check(TaskRunLincheckTest.class);
    }
}
