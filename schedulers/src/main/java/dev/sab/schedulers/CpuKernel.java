package dev.sab.schedulers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The calibrated CPU kernel behind {@link Ctx#cpu(long)}: one unit is a fixed number of iterations
 * of a dependent xorshift chain, chosen at start-up so that one unit takes about one microsecond
 * on the machine running it.
 *
 * <p>The chain is serial (each step needs the previous value), so the JIT can neither vectorise
 * nor drop it, and a unit costs the same on every scheduler. Calibration counts the calibrating
 * thread's own CPU time, not wall time, so a busy machine (other processes taking the core away)
 * does not shrink the unit: a unit is a microsecond of this core's work, however long the wall
 * clock says it took. A trial process may be given the
 * parent's calibration through the system property {@value #ITERATIONS_PROPERTY}, so that every
 * trial of a run burns the same amount of work per unit.
 */
public final class CpuKernel {

    /** System property that fixes the iterations per unit instead of calibrating. */
    public static final String ITERATIONS_PROPERTY = "sab.cpu.iterationsPerUnit";

    private static final long CALIBRATION_SAMPLE_NANOS = 10_000_000L; // five samples of 10 ms of CPU time
    private static final int CALIBRATION_SAMPLES = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Written once per burn so the chain's result is observable and cannot be eliminated. */
    @SuppressWarnings("unused")
    private static volatile long sink;

    /**
     * How a unit was defined in this JVM.
     *
     * @param iterationsPerUnit xorshift steps per unit
     * @param nsPerUnit         measured CPU nanoseconds per unit right after calibration
     * @param source            "calibrated" or "given" (from {@value #ITERATIONS_PROPERTY})
     */
    public record Calibration(long iterationsPerUnit, double nsPerUnit, String source) {
    }

    private CpuKernel() {
    }

    /** The calibration in force; the first call calibrates (about 60 ms). Thread-safe. */
    public static Calibration calibration() {
        return Holder.CALIBRATION;
    }

    /**
     * Burns {@code units} units, calling {@code safePoint} after each one. Returns the chain's
     * final value (a checksum a caller may verify or ignore).
     */
    public static long burn(long units, SafePoint safePoint) {
        long iterations = calibration().iterationsPerUnit();
        long x = 0x9E3779B97F4A7C15L ^ units;
        for (long u = 0; u < units; u++) {
            x = spin(x, iterations);
            safePoint.poll();
        }
        sink = x;
        return x;
    }

    private static long spin(long x, long iterations) {
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** Thread CPU time is measurable only on platform threads; the first caller may be a virtual one. */
    private static Calibration calibrateOnAPlatformThread() {
        Calibration[] result = new Calibration[1];
        Thread t = Thread.ofPlatform().name("sab-cpu-calibration").start(() -> result[0] = calibrate());
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result[0];
    }

    private static Calibration calibrate() {
        String given = System.getProperty(ITERATIONS_PROPERTY);
        if (given != null) {
            long iterations = Long.parseLong(given);
            warmUp(iterations);
            return new Calibration(iterations, measureNsPerUnit(iterations), "given");
        }
        warmUp(256);
        double[] perMicro = new double[CALIBRATION_SAMPLES];
        for (int s = 0; s < CALIBRATION_SAMPLES; s++) {
            long iterations = 0;
            long x = s;
            long start = cpuNanos();
            long elapsed;
            do {
                x = spin(x, 10_000);
                iterations += 10_000;
                elapsed = cpuNanos() - start;
            } while (elapsed < CALIBRATION_SAMPLE_NANOS);
            sink = x;
            perMicro[s] = iterations * 1000.0 / elapsed;
        }
        Arrays.sort(perMicro);
        long iterations = Math.max(1, Math.round(perMicro[CALIBRATION_SAMPLES / 2]));
        return new Calibration(iterations, measureNsPerUnit(iterations), "calibrated");
    }

    /** The calling thread's CPU time; wall time where the JVM cannot measure it. */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static void warmUp(long iterations) {
        long x = 1;
        for (int i = 0; i < 20_000; i++) {
            x = spin(x, iterations);
        }
        sink = x;
    }

    private static double measureNsPerUnit(long iterations) {
        long units = 5_000;
        long x = 7;
        long start = cpuNanos();
        for (long u = 0; u < units; u++) {
            x = spin(x, iterations);
        }
        long elapsed = cpuNanos() - start;
        sink = x;
        return (double) elapsed / units;
    }

    /**
     * Initialised on first use. The calibration itself lives in the outer class: the thread that
     * calibrates must not touch this class while the caller holds its initialisation lock.
     */
    private static final class Holder {
        static final Calibration CALIBRATION = calibrateOnAPlatformThread();
    }
}
