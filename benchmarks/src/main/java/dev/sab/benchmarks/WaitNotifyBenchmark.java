package dev.sab.benchmarks;

import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import java.util.concurrent.TimeUnit;
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

/**
 * The {@code Atomics.wait}/{@code notify} round trip between two threads, without any scheduler:
 * ping stores 1 and notifies, pong (waiting for 1) stores 0 and notifies back, ping waits for 0.
 * Each side parks in {@code wait} whenever the other has not answered yet, so a round trip is two
 * park/unpark hand-offs. {@code threads=platform}: both sides are platform threads (the kernel
 * schedules each wake-up); {@code threads=virtual}: both are virtual threads on the JDK's default
 * scheduler (a wake-up submits the thread to a carrier). The gmp scheduler's version of this
 * hand-off is {@link PingPongBenchmark}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WaitNotifyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class WaitNotifyBenchmark {

    static final int ROUND_TRIPS = 10_000;
    private static final int PING = 1;
    private static final int PONG = 0;
    private static final int STOP = 2;

    @Param({"platform", "virtual"})
    String threads;

    private Int32Array flag;
    private Thread pong;

    @Setup(Level.Trial)
    public void startPong() {
        flag = new Int32Array(new SharedArrayBuffer(4));
        Runnable echo = () -> {
            while (true) {
                int seen = (int) Atomics.load(flag, 0);
                if (seen == STOP) {
                    return;
                }
                if (seen == PING) {
                    Atomics.store(flag, 0, PONG);
                    Atomics.notify(flag, 0);
                } else {
                    Atomics.wait(flag, 0, PONG);
                }
            }
        };
        pong = threads.equals("virtual") ? Thread.ofVirtual().start(echo) : Thread.ofPlatform().daemon().start(echo);
    }

    @TearDown(Level.Trial)
    public void stopPong() throws InterruptedException {
        Atomics.store(flag, 0, STOP);
        Atomics.notify(flag, 0);
        pong.join();
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void roundTrip() throws InterruptedException {
        if (threads.equals("virtual")) {
            Thread ping = Thread.ofVirtual().start(this::pingLoop);
            ping.join();
        } else {
            pingLoop();
        }
    }

    private void pingLoop() {
        for (int i = 0; i < ROUND_TRIPS; i++) {
            Atomics.store(flag, 0, PING);
            Atomics.notify(flag, 0);
            while (Atomics.load(flag, 0) == PING) {
                Atomics.wait(flag, 0, PING);
            }
        }
    }
}
