package dev.sab.benchmarks;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.Schedulers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;

/**
 * Where a platform thread's time goes when it spawns tasks onto a scheduler: the time per task of
 * the whole batch, of the spawn loop alone, and the spawning thread's CPU and user time per spawn
 * ({@link ThreadMXBean}; CPU minus user is time in the kernel, such as waking a parked worker).
 * With the scheduler's metrics, this tells the spawning thread's own work apart from the cost of
 * waking the scheduler's threads, which {@code SpawnBenchmark.fromOutside} adds up in one figure.
 *
 * <p>A platform thread spawns batches of 10,000 empty tasks and waits for each batch; two waves of
 * {@code rounds} batches, the second one reported (the first is warm-up). Run:
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar dev.sab.benchmarks.OutsideSpawns gmp 100
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar dev.sab.benchmarks.OutsideSpawns virtual 100
 * </pre>
 * Arguments: scheduler spec, batches per wave.
 */
public final class OutsideSpawns {
    private static final int BATCH = 10_000;

    private OutsideSpawns() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: OutsideSpawns SCHEDULER-SPEC BATCHES");
            System.exit(2);
        }
        String spec = args[0];
        int rounds = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Scheduler s = Schedulers.create(spec)) {
            String report = "";
            for (int wave = 0; wave < 2; wave++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long user0 = threads.getCurrentThreadUserTime();
                long t0 = System.nanoTime();
                long spawning = 0;
                for (int r = 0; r < rounds; r++) {
                    CountDownLatch done = new CountDownLatch(BATCH);
                    long s0 = System.nanoTime();
                    for (int i = 0; i < BATCH; i++) {
                        s.spawn(ctx -> done.countDown());
                    }
                    spawning += System.nanoTime() - s0;
                    done.await();
                }
                double tasks = (double) BATCH * rounds;
                report = String.format("%s: %.0f ns per task; spawn loop %.0f ns; spawning thread cpu %.0f ns, user %.0f ns",
                        spec, (System.nanoTime() - t0) / tasks, spawning / tasks,
                        (threads.getCurrentThreadCpuTime() - cpu0) / tasks, (threads.getCurrentThreadUserTime() - user0) / tasks);
            }
            System.out.println(report);
            SchedulerMetrics m = s.metrics();
            String parks = m.get("parks").map(p -> "parks=" + p.value()).orElse("");
            String unparks = m.get("unparks").map(p -> " unparks=" + p.value()).orElse("");
            if (!parks.isEmpty()) {
                System.out.println("  " + parks + unparks + " (both waves, " + (2L * BATCH * rounds) + " tasks)");
            }
        }
    }
}
