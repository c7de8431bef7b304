package dev.sab.schedulers.internal;

import dev.sab.schedulers.TaskFailedException;
import dev.sab.schedulers.ValueTask;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handle's outcome without a future per task: every way a task ends reads the same through
 * {@code join}, {@code result}, {@code exception} and {@code outcome()}, whichever comes first,
 * and a future is made only for a caller that waits.
 */
class TaskRunTest {

    private static final TaskRun.Hooks NO_HOOKS = new TaskRun.Hooks() {
        @Override
        public void counted(TaskRun.Ending ending) {
        }

        @Override
        public void exited() {
        }
    };

    private static <T> TaskRun<T> task(ValueTask<T> body) {
        return new TaskRun<>(body, null, NO_HOOKS);
    }

    @Test
    void aTaskNoOneWaitsForEndsWithoutAFuture() throws Exception {
        TaskRun<String> run = task(ctx -> "v");
        run.run();
        assertThat(run.isDone()).isTrue();
        assertThat(run.result()).isEqualTo("v");
        assertThat(run.join()).isEqualTo("v");
        assertThat(run.join(Duration.ofMillis(1))).isTrue();
        assertThat(run.exception()).isNull();
        assertThat(run.futureIfMade()).isNull();
    }

    @Test
    void aFutureMadeBeforeTheEndIsCompletedByTheEnd() throws Exception {
        TaskRun<String> run = task(ctx -> "v");
        CompletableFuture<String> early = run.outcome();
        assertThat(early).isNotDone();
        run.run();
        assertThat(early.get(0, TimeUnit.SECONDS)).isEqualTo("v");
    }

    @Test
    void aFutureMadeAfterTheEndIsCompletedByItsMaker() throws Exception {
        TaskRun<Object> nothing = task(ctx -> null);
        nothing.run();
        assertThat(nothing.outcome()).isCompletedWithValue(null);
        assertThat(nothing.join()).isNull();

        TaskRun<Object> failing = task(ctx -> {
            throw new IllegalStateException("boom");
        });
        failing.run();
        assertThatThrownBy(() -> failing.outcome().get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(failing::join).isInstanceOf(TaskFailedException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(failing.exception()).hasMessage("boom");
        assertThat(failing.isCancelled()).isFalse();
    }

    @Test
    void aCancelledTaskNeverRunsAndReadsCancelledEverywhere() {
        AtomicInteger ran = new AtomicInteger();
        TaskRun<Object> run = task(ctx -> ran.incrementAndGet());
        CompletableFuture<Object> early = run.outcome();
        assertThat(run.cancel()).isTrue();
        run.run();
        assertThat(ran).hasValue(0);
        assertThat(run.isCancelled()).isTrue();
        assertThat(run.cancel()).isFalse();
        assertThat(early).isCancelled();
        assertThat(run.outcome()).isCancelled();
        assertThat(run.exception()).isInstanceOf(CancellationException.class);
        assertThatThrownBy(run::join).isInstanceOf(CancellationException.class);
        assertThatThrownBy(run::result).isInstanceOf(CancellationException.class);
    }

    @Test
    void aRunningTaskIsNotDoneAndHasNoResult() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskRun<String> run = task(ctx -> {
            inside.countDown();
            release.await();
            return "late";
        });
        Thread runner = Thread.ofPlatform().start(run);
        inside.await();
        assertThat(run.isDone()).isFalse();
        assertThat(run.exception()).isNull();
        assertThatThrownBy(run::result).isInstanceOf(IllegalStateException.class);
        assertThat(run.join(Duration.ofMillis(5))).isFalse();
        release.countDown();
        assertThat(run.join()).isEqualTo("late");
        runner.join();
    }
}
