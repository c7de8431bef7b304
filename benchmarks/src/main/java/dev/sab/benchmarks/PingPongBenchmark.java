package dev.sab.benchmarks;

import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;
import dev.sab.schedulers.TaskHandle;
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

import java.util.concurrent.TimeUnit;

/**
 * A round trip between two tasks over {@code Atomics.wait}/{@code Atomics.notify} on a
 * SharedArrayBuffer: ping stores 1 and notifies, pong waits for it, stores 0 and notifies back.
 * Each wait parks the waiting task; each notify readies it. On gmp the readied goroutine goes to
 * the notifier's runnext, so with one P a round trip is two hand-offs on one thread; the JDK's
 * default scheduler and gmp with two Ps are measured in the same run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PingPongBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
public class PingPongBenchmark {
    static final int ROUND_TRIPS = 20_000;

    @Param({"gmp:procs=1", "gmp:procs=2", "virtual"})
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
    @OperationsPerInvocation(ROUND_TRIPS)
    public void roundTrip() throws Exception {
        Int32Array flag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
        TaskHandle<Void> pong = s.spawn(ctx -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                while (Atomics.load(flag, 0) == 0) {
                    Atomics.wait(flag, 0, 0);
                }
                Atomics.store(flag, 0, 0);
                Atomics.notify(flag, 0);
            }
        });
        s.spawn(ctx -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                Atomics.store(flag, 0, 1);
                Atomics.notify(flag, 0);
                while (Atomics.load(flag, 0) == 1) {
                    Atomics.wait(flag, 0, 1);
                }
            }
        }).join();
        pong.join();
    }
}
