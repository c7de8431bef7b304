package dev.sab.benchmarks;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;
import dev.sab.schedulers.eventloop.TcpServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The event loop's two hot paths, each measured the way {@code benchmarks/node/*.js} measures Node
 * in the same run ({@code benchmarks/node/compare.sh}):
 *
 * <ul>
 *   <li>{@link #promiseHop}: a chain of {@value #HOPS} {@code then}s off a resolved promise,
 *       drained by the loop: per hop, one {@code then} (a derived promise and a reaction) and one
 *       microtask job. Node: {@code benchmarks/node/promise-hop.js}.</li>
 *   <li>{@link #immediateHop}: {@value #IMMEDIATES} setImmediate callbacks each queuing the next:
 *       per hop, one whole loop iteration (timers, pending, idle, prepare, a zero-timeout poll,
 *       check, close). Node: {@code benchmarks/node/immediate-hop.js}.</li>
 *   <li>{@link #immediateHopWithOpenSocket}: the same with a listening socket registered on the
 *       loop, so that every zero-timeout poll is a real {@code epoll_wait} system call, as it always
 *       is in Node (whose loop always watches some descriptor); without one, sab's poll phase
 *       skips the system call, as libuv does when it watches no descriptor.</li>
 * </ul>
 *
 * <p>Each invocation makes a loop, runs it on the benchmark thread (which becomes the loop thread)
 * and closes it; the loop's set-up (a Selector) is amortised over the invocation's operations.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EventLoopBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"})
public class EventLoopBenchmark {
    static final int HOPS = 100_000;
    static final int IMMEDIATES = 100_000;

    @Benchmark
    @OperationsPerInvocation(HOPS)
    public int promiseHop() {
        int[] result = new int[1];
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Promise<Integer> p = Promise.resolve(0);
                for (int i = 0; i < HOPS; i++) {
                    p = p.then(v -> v + 1);
                }
                p.thenAccept(v -> result[0] = v);
            });
        }
        return result[0];
    }

    @Benchmark
    @OperationsPerInvocation(IMMEDIATES)
    public int immediateHop() {
        int[] count = new int[1];
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Runnable[] next = new Runnable[1];
                next[0] = () -> {
                    if (++count[0] < IMMEDIATES) {
                        loop.setImmediate(next[0]);
                    }
                };
                loop.setImmediate(next[0]);
            });
        }
        return count[0];
    }

    @Benchmark
    @OperationsPerInvocation(IMMEDIATES)
    public int immediateHopWithOpenSocket() {
        int[] count = new int[1];
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                TcpServer server = loop.createServer(socket -> { });
                server.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null);
                server.unref();
                Runnable[] next = new Runnable[1];
                next[0] = () -> {
                    if (++count[0] < IMMEDIATES) {
                        loop.setImmediate(next[0]);
                    } else {
                        server.close(null);
                    }
                };
                loop.setImmediate(next[0]);
            });
        }
        return count[0];
    }
}
