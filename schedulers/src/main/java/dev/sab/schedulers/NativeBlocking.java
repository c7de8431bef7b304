package dev.sab.schedulers;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.time.Duration;

/**
 * A call that really blocks its OS thread: libc's {@code nanosleep}, called through the Foreign
 * Function API. {@code Thread.sleep} would not do for this: in a virtual thread it parks and gives
 * the carrier away. A native call keeps a native frame on the stack, which pins a virtual thread to
 * its carrier, so the carrier blocks in the kernel, as a Go M does in a system call. Workloads and
 * tests use it inside {@link Ctx#blocking} to model a blocking system call (a slow disk, a JNI
 * call).
 *
 * <p>Needs {@code --enable-native-access=ALL-UNNAMED} (./sab passes it) to run without a warning.
 * Thread-safe.
 */
public final class NativeBlocking {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int EINTR_RETRIES = 1_000;
    private static final MethodHandle NANOSLEEP = find();

    private NativeBlocking() {
    }

    /** Whether this platform has {@code nanosleep} (Linux, macOS). */
    public static boolean available() {
        return NANOSLEEP != null;
    }

    /**
     * Blocks the calling OS thread for {@code d}, resuming after a signal interrupts it.
     *
     * @throws UnsupportedOperationException where {@link #available()} is false
     */
    public static void sleep(Duration d) {
        if (NANOSLEEP == null) {
            throw new UnsupportedOperationException("no libc nanosleep on this platform");
        }
        long nanos = Math.max(0, d.toNanos());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment req = arena.allocate(ValueLayout.JAVA_LONG, 2); // struct timespec { tv_sec; tv_nsec }
            MemorySegment rem = arena.allocate(ValueLayout.JAVA_LONG, 2);
            req.setAtIndex(ValueLayout.JAVA_LONG, 0, nanos / NANOS_PER_SECOND);
            req.setAtIndex(ValueLayout.JAVA_LONG, 1, nanos % NANOS_PER_SECOND);
            for (int i = 0; i < EINTR_RETRIES; i++) {
                int rc = (int) NANOSLEEP.invokeExact(req, rem);
                if (rc == 0) {
                    return;
                }
                req.copyFrom(rem); // interrupted by a signal: sleep what is left
            }
        } catch (Throwable t) {
            throw new IllegalStateException("nanosleep failed", t);
        }
    }

    private static MethodHandle find() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("nanosleep")
                    .map(addr -> linker.downcallHandle(addr,
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS)))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
