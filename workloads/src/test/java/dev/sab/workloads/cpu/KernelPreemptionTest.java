package dev.sab.workloads.cpu;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;
import dev.sab.schedulers.TaskHandle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's kernels are preemptible on gmp, as a tight loop is in Go 1.14+: on one P, a task
 * that runs a kernel again and again for 300 ms shares the P with a 1 ms ticker when sysmon may
 * preempt it, and shuts the ticker out when it may not. The kernels' {@code Ctx.safePoint()} calls
 * are the only places where that can happen (none of them calls {@code Ctx.cpu}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KernelPreemptionTest {
    private static final long HOG_NANOS = 300_000_000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hash", "mandelbrot", "sort", "fib"})
    void aKernelHogIsPreemptedOnGmpWithPreemptionOn(String name) throws Exception {
        Result r = hogNextToTicker(name, true);
        assertThat(r.preemptions).as("preemptions of the %s hog", name).isPositive();
        assertThat(r.ticksDuringHog).as("ticks while the %s hog ran", name).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fib"})
    void aKernelHogRunsToItsEndWithPreemptionOff(String name) throws Exception {
        Result r = hogNextToTicker(name, false);
        assertThat(r.preemptions).isZero();
        assertThat(r.ticksDuringHog).as("ticks while the %s hog ran", name).isZero();
    }

    private record Result(long preemptions, int ticksDuringHog) {
    }

    private static Kernel kernel(String name) {
        return switch (name) {
            case "hash" -> new HashKernel(200, 1);
            case "mandelbrot" -> new MandelbrotKernel(2);
            case "sort" -> new SortKernel(20_000, 1);
            case "fib" -> new FibKernel(24);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Result hogNextToTicker(String name, boolean preempt) throws Exception {
        Kernel kernel = kernel(name);
        kernel.prepare(1);
        try (Scheduler s = Schedulers.create("gmp:procs=1,preempt=" + (preempt ? "on" : "off"))) {
            AtomicBoolean hogRunning = new AtomicBoolean();
            AtomicBoolean hogDone = new AtomicBoolean();
            AtomicInteger ticksDuringHog = new AtomicInteger();
            CountDownLatch ticking = new CountDownLatch(3);
            TaskHandle<Void> ticker = s.spawn(ctx -> {
                while (!hogDone.get()) {
                    ctx.sleep(Duration.ofMillis(1));
                    if (hogRunning.get()) {
                        ticksDuringHog.incrementAndGet();
                    }
                    ticking.countDown();
                }
            });
            assertThat(ticking.await(10, TimeUnit.SECONDS)).isTrue();
            s.spawn(ctx -> {
                hogRunning.set(true);
                long end = System.nanoTime() + HOG_NANOS;
                int i = 0;
                while (System.nanoTime() < end) {
                    assertThat(kernel.run(ctx, i)).isEqualTo(kernel.expected(i));
                    i++;
                }
                hogRunning.set(false);
                hogDone.set(true);
            }).join();
            ticker.join();
            return new Result(s.metrics().longValue("preemptions"), ticksDuringHog.get());
        }
    }
}
