package dev.sab.benchmarks;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Spawn-and-complete: the cost of starting a task that does nothing and seeing it finish, per
 * task, through the Scheduler SPI (a {@code TaskRun} handle and a virtual thread in both cases),
 * on gmp and on the JDK's default virtual-thread scheduler in the same run.
 * <ul>
 *   <li>{@code fromTask}: one task spawns the batch, as {@code go f()} in a loop does: on gmp each
 *       child goes into the spawner's runnext and spills into its local queue, other Ps steal;</li>
 *   <li>{@code fromOutside}: a platform thread spawns the batch: on gmp every task goes through
 *       the global queue.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SpawnBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
public class SpawnBenchmark {
    static final int BATCH = 10_000;

    @Param({"gmp", "virtual"})
    String scheduler;

    Scheduler s;

    @Setup(Level.Trial)
    public void start() {
        s = Schedulers.create(scheduler);
    }

    @TearDown(Level.Trial)
    public void stop() {
        s.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void fromTask() throws Exception {
        s.spawn(ctx -> {
            CountDownLatch done = new CountDownLatch(BATCH);
            for (int i = 0; i < BATCH; i++) {
                ctx.spawn(c -> done.countDown());
            }
            done.await();
        }).join();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void fromOutside() throws Exception {
        CountDownLatch done = new CountDownLatch(BATCH);
        for (int i = 0; i < BATCH; i++) {
            s.spawn(c -> done.countDown());
        }
        done.await();
    }
}
