package dev.sab.benchmarks;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Timeout;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Memory held per pending timer, with a million timers pending at once: the heap in use after a
 * full GC with the timers set, minus the heap in use after a full GC before, divided by the number
 * of timers, reported as the auxiliary counter {@code bytesPerTimer}. The timers use 1,000
 * different durations (1 s to 1,000 s, so none fires during the measurement) and share one
 * callback, as a server's connection timeouts do; the loop is stopped before any fires.
 * Node: {@code benchmarks/node/timer-memory.js} ({@code process.memoryUsage().heapUsed}).
 *
 * <p>The time this benchmark reports is the time to set a million timers, a by-product.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TimerMemoryBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
public class TimerMemoryBenchmark {
    static final int TIMERS = 1_000_000;

    /** The counter JMH reports next to the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Held {
        public double bytesPerTimer;

        @Setup(Level.Iteration)
        public void clear() {
            bytesPerTimer = 0;
        }
    }

    @Benchmark
    public Object millionPendingTimers(Held held) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Timeout[] keep = new Timeout[1];
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Runnable callback = () -> { };
                long before = usedAfterGc(memory);
                for (int i = 0; i < TIMERS; i++) {
                    keep[0] = loop.setTimeout(callback, 1_000 + (i % 1_000) * 1_000L);
                }
                long after = usedAfterGc(memory);
                held.bytesPerTimer = (double) (after - before) / TIMERS;
                loop.close(); // stop here: the timers are pending, none has fired
            });
        }
        return keep[0];
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
