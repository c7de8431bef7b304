package dev.sab.benchmarks;

import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.SafePoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * How long {@code Ctx.cpu(units)} takes: one unit should cost about one microsecond, whatever the
 * machine, because the kernel calibrates itself at start-up.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CpuKernelBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CpuKernelBenchmark {

    @Param({"1", "100", "1000"})
    long units;

    @Benchmark
    public long burn() {
        return CpuKernel.burn(units, SafePoint.NONE);
    }
}
