package dev.sab.harness.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;

/**
 * The process's CPU time (every thread's, those that have exited included) to the nanosecond:
 * {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)} through the foreign-function API. The JDK's
 * {@code OperatingSystemMXBean.getProcessCpuTime()} counts in the kernel's 10 ms ticks on Linux,
 * too coarse for a trial whose measured iteration lasts tens of milliseconds (a 30 ms iteration
 * read 0, 10, 20 or 30 ms of CPU per core, and "cores used" came out above the machine's cores);
 * it remains the fallback where the native call is not available.
 */
public final class ProcessCpuClock {
    private static final int CLOCK_PROCESS_CPUTIME_ID = 2; // Linux and glibc
    private static final long TIMESPEC_SIZE = 16;          // struct timespec on LP64: tv_sec, tv_nsec
    /** CLOCK_PROCESS_CPUTIME_ID is 2 on Linux only (macOS numbers its clocks otherwise). */
    private static final MethodHandle CLOCK_GETTIME = System.getProperty("os.name", "").startsWith("Linux")
            ? LibC.find("clock_gettime", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS))
            : null;

    private ProcessCpuClock() {
    }

    /** Process CPU time (user + system) in nanoseconds; 0 where it cannot be read at all. */
    public static long nanos() {
        if (CLOCK_GETTIME != null) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment ts = arena.allocate(TIMESPEC_SIZE, 8);
                int rc = (int) CLOCK_GETTIME.invokeExact(CLOCK_PROCESS_CPUTIME_ID, ts);
                if (rc == 0) {
                    return ts.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + ts.get(ValueLayout.JAVA_LONG, 8);
                }
            } catch (Throwable e) {
                // fall through to the coarse clock
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
