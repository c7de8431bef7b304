package dev.sab.benchmarks;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A million goroutines each sleeping 10 s, measured with nothing but the scheduler in the JVM: how
 * much memory each sleeper holds and how late the sleepers wake. {@code sab run -w sleep} measures
 * the same thing through the harness, whose own per-task work (a latency recording, a handle kept
 * for the whole trial, a join per task) is in its figures; this is the scheduler alone.
 *
 * <p>One task spawns all the sleepers, as Go's main goroutine does in {@code for i := 0; i < n;
 * i++ { go sleep() }} (or a platform thread does, with {@code outside}). Before the measured waves,
 * warm-up waves of the same tasks run (5 of 20,000, or {@code -Dsab.footprint.warmupWaves} and
 * {@code -Dsab.footprint.warmup}), so that the code is compiled before it is measured, with a
 * profile that has seen a wake-up. Both matter for what is measured: a first wave compiled before
 * any sleeper woke is deoptimized sleeper by sleeper as it wakes; and a sleeper's stack is copied
 * into its {@code StackChunk} as it parks, so a sleeper that parks in interpreted or C1 frames holds
 * 1.2 to 2.2 KiB instead of the 296 to 525 B of compiled frames (JFR's allocation events, one warm-up
 * wave: a tenth of a million sleepers parked before C2's code was in place). Then two waves of {@code n}:
 * in the first, memory is read once every sleeper has gone to sleep: the heap in use after a full
 * collection, and the resident set (VmRSS), each minus the same reading before the wave, divided
 * by the sleepers (the collections take seconds with a million sleepers and delay their wake-ups,
 * so this wave's lateness is not reported); in the second, nothing is forced, and lateness is each
 * sleeper's wake-up minus its own deadline; "all done" is the last wake-up minus the last deadline.
 *
 * <p>Run (one JVM per scheduler; {@code -cp} ignores the jar manifest's {@code Add-Opens}, so the
 * flag gmp needs is given):
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar dev.sab.benchmarks.SleepersFootprint gmp 1000000 10
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar dev.sab.benchmarks.SleepersFootprint virtual 1000000 10
 * </pre>
 * Arguments: scheduler spec, sleepers, seconds of sleep, and optionally {@code outside}.
 */
public final class SleepersFootprint {
    private static final int WARM_UP_SLEEPERS = Integer.getInteger("sab.footprint.warmup", 20_000);
    private static final int WARM_UP_WAVES = Integer.getInteger("sab.footprint.warmupWaves", 5);
    private static final Duration WARM_UP_SLEEP = Duration.ofMillis(200);

    private SleepersFootprint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SleepersFootprint SCHEDULER-SPEC SLEEPERS SECONDS [outside]");
            System.exit(2);
        }
        String spec = args[0];
        int n = Integer.parseInt(args[1]);
        Duration sleep = Duration.ofSeconds(Long.parseLong(args[2]));
        boolean outside = args.length > 3 && args[3].equals("outside");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Scheduler s = Schedulers.create(spec)) {
            for (int w = 0; w < WARM_UP_WAVES; w++) {
                wave(s, WARM_UP_SLEEPERS, WARM_UP_SLEEP, outside, new long[WARM_UP_SLEEPERS], false);
            }
            long[] wokeLate = new long[n]; // allocated before the baseline: not a sleeper's memory
            fullGc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            long rssBefore = rss();
            // memory: full collections while they sleep delay their wake-ups, so this wave's are not reported
            Wave asleep = wave(s, n, sleep, outside, wokeLate, true);
            // lateness: the same wave with no collection forced
            Wave timed = wave(s, n, sleep, outside, wokeLate, false);
            Arrays.sort(wokeLate);
            System.out.printf("%s: %,d sleepers of %s, spawned %s in %.2f s (%.0f ns each)%n", spec, n, sleep,
                    outside ? "from a platform thread" : "from one task", timed.spawnNanos / 1e9, (double) timed.spawnNanos / n);
            System.out.printf("  asleep: heap %,.0f B per sleeper (after a full GC), resident %,.0f B per sleeper%n",
                    (double) (asleep.heapAsleep - heapBefore) / n, (double) (asleep.rssAsleep - rssBefore) / n);
            System.out.printf("  late: p50 %.3f s, p99 %.3f s, max %.3f s; all done %.3f s after the last deadline%n",
                    wokeLate[n / 2] / 1e9, wokeLate[(int) (n * 0.99)] / 1e9, wokeLate[n - 1] / 1e9,
                    timed.lastEndAfterLastDeadline / 1e9);
            System.out.println("  where a sleeper's heap goes (classes with about one instance per sleeper, bytes per sleeper): "
                    + perSleeper(asleep.histogram, n, (double) (asleep.heapAsleep - heapBefore) / n));
            System.out.println("  " + s.metrics().get("timersFired").map(m -> "timersFired=" + m.value()).orElse(""));
        }
    }

    private record Wave(long spawnNanos, long heapAsleep, long rssAsleep, String histogram, long lastEndAfterLastDeadline) {
    }

    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /**
     * The rows of a class histogram ({@code jcmd GC.class_histogram}'s) whose instance count is
     * within 5% of {@code n}, as bytes per sleeper, largest first: with every sleeper asleep, these
     * are the objects each sleeper holds (its stack chunk, its virtual thread, its timer...); then
     * what the rest of {@code heapPerSleeper} is (arrays and tables that grow with the sleepers).
     */
    private static String perSleeper(String histogram, int n, double heapPerSleeper) {
        record Row(String name, double bytesPer) {
        }
        List<Row> rows = new ArrayList<>();
        for (String line : histogram.split("\n")) {
            Matcher m = HISTOGRAM_ROW.matcher(line);
            if (m.find()) {
                long instances = Long.parseLong(m.group(1));
                if (Math.abs(instances - n) <= n / 20) {
                    String name = m.group(3).replaceFirst("/0x[0-9a-f]+$", "");
                    rows.add(new Row(name.substring(name.lastIndexOf('.') + 1), (double) Long.parseLong(m.group(2)) / n));
                }
            }
        }
        rows.sort(Comparator.comparingDouble(Row::bytesPer).reversed());
        StringBuilder out = new StringBuilder();
        double listed = 0;
        for (Row r : rows) {
            out.append(out.isEmpty() ? "" : ", ").append(String.format("%s %.0f", r.name(), r.bytesPer()));
            listed += r.bytesPer();
        }
        if (out.isEmpty()) {
            return "(no class histogram)";
        }
        return out.append(String.format("; the rest %.0f (arrays, tables)", heapPerSleeper - listed)).toString();
    }

    /** The live-object class histogram (after a full collection), or empty where the JDK has no such command. */
    private static String classHistogram() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Spawns {@code n} sleepers, waits until all sleep, measures if asked, waits until all woke.
     * The code after the sleep takes no branch that the warm-up wave did not take too: a branch
     * seen only one way before the wave would be compiled as a trap and deoptimize every sleeper.
     */
    private static Wave wave(Scheduler s, int n, Duration sleep, boolean outside, long[] wokeLate, boolean measure)
            throws Exception {
        AtomicInteger asleep = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        AtomicLong lastDeadline = new AtomicLong(Long.MIN_VALUE);
        long sleepNanos = sleep.toNanos();
        Runnable spawnAll = () -> {
            for (int i = 0; i < n; i++) {
                int k = i;
                s.spawn(ctx -> {
                    long deadline = System.nanoTime() + sleepNanos;
                    lastDeadline.accumulateAndGet(deadline, Math::max);
                    asleep.incrementAndGet();
                    ctx.sleep(sleep);
                    wokeLate[k] = System.nanoTime() - deadline;
                    done.countDown();
                });
            }
        };
        long t0 = System.nanoTime();
        if (outside) {
            spawnAll.run();
        } else {
            s.spawn(ctx -> spawnAll.run()).join();
        }
        long spawnNanos = System.nanoTime() - t0;
        while (asleep.get() < n) {
            Thread.sleep(10);
        }
        long heap = 0;
        long rss = 0;
        String histogram = "";
        if (measure) {
            log("all asleep; measuring");
            fullGc();
            heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            rss = rss();
            histogram = classHistogram();
            log("measured");
        }
        done.await();
        return new Wave(spawnNanos, heap, rss, histogram, System.nanoTime() - lastDeadline.get());
    }

    private static void log(String what) {
        if (Boolean.getBoolean("sab.footprint.log")) {
            System.out.printf("  [%.3f s] %s%n", ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, what);
        }
    }

    private static void fullGc() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        System.gc();
    }

    /** VmRSS of this process in bytes, or 0 where /proc is not there. */
    private static long rss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
