package dev.sab.benchmarks;

import dev.sab.core.Int32Array;
import dev.sab.core.Lock;
import dev.sab.core.SharedArrayBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An uncontended acquire and release, one thread: sab-core's {@link Lock} (one
 * {@code compareExchange} to lock, one {@code sub} to unlock, both on the shared buffer) against
 * {@link ReentrantLock}. Goal: {@code Lock} at most 30 ns.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LockBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class LockBenchmark {

    private final Int32Array ia = new Int32Array(new SharedArrayBuffer(8));
    private final Lock lock = new Lock(ia, 0);
    private final ReentrantLock reentrantLock = new ReentrantLock();
    private int guarded;

    @Benchmark
    public int sabLock() {
        lock.lock();
        try {
            return ++guarded;
        } finally {
            lock.unlock();
        }
    }

    @Benchmark
    public int reentrantLock() {
        reentrantLock.lock();
        try {
            return ++guarded;
        } finally {
            reentrantLock.unlock();
        }
    }
}
