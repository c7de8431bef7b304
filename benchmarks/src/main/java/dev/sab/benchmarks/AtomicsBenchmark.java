package dev.sab.benchmarks;

import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import dev.sab.core.Uint8Array;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 * Uncontended {@code Atomics.add} and {@code Atomics.compareExchange} on an {@link Int32Array},
 * one thread, against the same operations on an {@link AtomicIntegerArray}, on a raw
 * {@link VarHandle} over a {@link MemorySegment} (what sab-core uses underneath, without the
 * typed-array checks), and on a raw array-element {@code VarHandle} over an {@code int[]}. Goal:
 * {@code Atomics} within 1.3x of the raw segment {@code VarHandle}. {@code Uint8Array} add shows the
 * cost of the compare-and-set loop on the containing word.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AtomicsBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class AtomicsBenchmark {

    private static final VarHandle SEGMENT_INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle ARRAY_INT = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int INDEX = 5;

    private final Int32Array int32 = new Int32Array(new SharedArrayBuffer(64));
    private final Uint8Array uint8 = new Uint8Array(new SharedArrayBuffer(64));
    private final AtomicIntegerArray atomicArray = new AtomicIntegerArray(16);
    private final MemorySegment segment = Arena.ofAuto().allocate(64, 8);
    private final int[] array = new int[16];
    private int expected;

    @Benchmark
    public long atomicsAdd() {
        return Atomics.add(int32, INDEX, 1);
    }

    @Benchmark
    public int atomicIntegerArrayAdd() {
        return atomicArray.getAndAdd(INDEX, 1);
    }

    @Benchmark
    public int segmentVarHandleAdd() {
        return (int) SEGMENT_INT.getAndAdd(segment, INDEX * 4L, 1);
    }

    @Benchmark
    public int arrayVarHandleAdd() {
        return (int) ARRAY_INT.getAndAdd(array, INDEX, 1);
    }

    @Benchmark
    public long atomicsAddUint8() {
        return Atomics.add(uint8, INDEX, 1);
    }

    /** A successful exchange every time: the expected value is the one the last exchange stored. */
    @Benchmark
    public long atomicsCompareExchange() {
        int e = expected;
        long witness = Atomics.compareExchange(int32, INDEX, e, e + 1);
        expected = e + 1;
        return witness;
    }

    @Benchmark
    public int atomicIntegerArrayCompareAndExchange() {
        int e = expected;
        int witness = atomicArray.compareAndExchange(INDEX, e, e + 1);
        expected = e + 1;
        return witness;
    }

    @Benchmark
    public int segmentVarHandleCompareAndExchange() {
        int e = expected;
        int witness = (int) SEGMENT_INT.compareAndExchange(segment, INDEX * 4L, e, e + 1);
        expected = e + 1;
        return witness;
    }

    @Benchmark
    public int arrayVarHandleCompareAndExchange() {
        int e = expected;
        int witness = (int) ARRAY_INT.compareAndExchange(array, INDEX, e, e + 1);
        expected = e + 1;
        return witness;
    }
}
