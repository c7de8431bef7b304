package dev.sab.harness.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The process's context switches from {@code getrusage(RUSAGE_SELF)}, called through the
 * foreign-function API. Unlike {@code /proc/self/status}, which counts the main thread only, it
 * sums every thread of the process, those that have already exited included.
 */
public final class Rusage {
    private static final int RUSAGE_SELF = 0;
    /** struct rusage on LP64 Linux and macOS: two struct timeval (16 bytes each), then 14 longs. */
    private static final long SIZE = 16 + 16 + 14 * 8;
    private static final long NVCSW = 16 + 16 + 12 * 8;  // ru_nvcsw, the 13th long
    private static final long NIVCSW = NVCSW + 8;        // ru_nivcsw, the 14th

    private static final MethodHandle GETRUSAGE = LibC.find("getrusage",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));

    /**
     * Context switches so far.
     *
     * @param voluntary   the process's threads gave up the CPU (blocked, slept, parked)
     * @param involuntary the kernel took the CPU from one of them
     */
    public record Switches(long voluntary, long involuntary) {
    }

    private Rusage() {
    }

    /** The counts now, or null where getrusage cannot be called (no native access, not a POSIX system). */
    public static Switches now() {
        if (GETRUSAGE == null) {
            return null;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment usage = arena.allocate(SIZE, 8);
            int rc = (int) GETRUSAGE.invokeExact(RUSAGE_SELF, usage);
            if (rc != 0) {
                return null;
            }
            return new Switches(usage.get(ValueLayout.JAVA_LONG, NVCSW), usage.get(ValueLayout.JAVA_LONG, NIVCSW));
        } catch (Throwable e) {
            return null;
        }
    }
}
