package dev.sab.core.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * The Linux {@code futex(2)} system call through the FFM API: {@code FUTEX_WAIT} and
 * {@code FUTEX_WAKE} on a 32-bit word in shared memory. Without {@code FUTEX_PRIVATE_FLAG}, the
 * kernel keys waiters by the word's physical page, not by a process's virtual address, so two
 * processes that map one file wait and wake each other.
 *
 * <p>Reached through libc's variadic {@code long syscall(long number, ...)} with every argument
 * passed as a 64-bit value; {@code errno} is captured with {@link Linker.Option#captureCallState}.
 *
 * <p>Availability ({@link #AVAILABLE}; {@link #UNAVAILABLE_REASON} says why not): Linux on x86-64,
 * AArch64 or RISC-V 64 (the architectures whose {@code SYS_futex} number is known here), native
 * access enabled for this module ({@code --enable-native-access=ALL-UNNAMED}, which sab's launcher,
 * test runner and jar manifests pass), the system property {@code sab.core.futex} not
 * {@code false}, and the handle links.
 *
 * <p>A thread in {@link #await} is inside a native call: a virtual thread there pins its carrier
 * for the duration, unlike one parked by {@code LockSupport}.
 *
 * <p>Thread-safe: stateless after class initialisation.
 */
public final class Futex {

    // <linux/futex.h>
    private static final long FUTEX_WAIT = 0;
    private static final long FUTEX_WAKE = 1;

    // <asm-generic/errno-base.h> and <asm-generic/errno.h>, the same on every architecture listed here
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int ETIMEDOUT = 110;

    /** Whether futex waits are used for mapped buffers in this JVM. */
    public static final boolean AVAILABLE;
    /** Why not, when {@link #AVAILABLE} is false; empty otherwise. */
    public static final String UNAVAILABLE_REASON;

    private static final long SYS_FUTEX;
    private static final MethodHandle SYSCALL;
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** struct timespec { time_t tv_sec; long tv_nsec; } on 64-bit Linux. */
    private static final StructLayout TIMESPEC = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("tv_sec"), ValueLayout.JAVA_LONG.withName("tv_nsec"));

    static {
        long number = syscallNumber();
        String reason = "";
        MethodHandle handle = null;
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            reason = "not Linux";
        } else if (number < 0) {
            reason = "SYS_futex unknown for architecture " + System.getProperty("os.arch");
        } else if ("false".equalsIgnoreCase(System.getProperty("sab.core.futex"))) {
            reason = "disabled by -Dsab.core.futex=false";
        } else if (!Futex.class.getModule().isNativeAccessEnabled()) {
            reason = "native access not enabled (run the JVM with --enable-native-access=ALL-UNNAMED)";
        } else {
            try {
                Linker linker = Linker.nativeLinker();
                MemorySegment syscall = linker.defaultLookup().find("syscall").orElseThrow();
                handle = linker.downcallHandle(syscall,
                        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                        Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
            } catch (RuntimeException | LinkageError e) {
                reason = "could not link syscall(2): " + e;
            }
        }
        SYS_FUTEX = number;
        SYSCALL = handle;
        AVAILABLE = handle != null;
        UNAVAILABLE_REASON = reason;
    }

    private Futex() {
    }

    /** {@code SYS_futex} from the kernel's syscall tables, or -1. */
    private static long syscallNumber() {
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> 202; // arch/x86/entry/syscalls/syscall_64.tbl
            case "aarch64", "riscv64" -> 98; // include/uapi/asm-generic/unistd.h
            default -> -1;
        };
    }

    /**
     * {@code FUTEX_WAIT}: sleeps while the word at {@code word} holds {@code expected}, until a
     * {@code FUTEX_WAKE} on it or {@code timeoutNanos} pass ({@link Waits#FOREVER}: no timeout).
     * The kernel compares and enqueues atomically. Returns 0 when woken, or the errno:
     * {@link #EAGAIN} (the word did not hold {@code expected}), {@link #ETIMEDOUT}, {@link #EINTR}.
     */
    static int await(MemorySegment word, int expected, long timeoutNanos) {
        assert AVAILABLE;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment timeout = MemorySegment.NULL;
            if (timeoutNanos != Waits.FOREVER) {
                timeout = arena.allocate(TIMESPEC);
                timeout.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
                timeout.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
            }
            long result = (long) SYSCALL.invokeExact(state, SYS_FUTEX, word, FUTEX_WAIT,
                    expected & 0xFFFF_FFFFL, timeout, MemorySegment.NULL, 0L);
            return result == 0 ? 0 : (int) ERRNO.get(state, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("futex(FUTEX_WAIT) failed", t);
        }
    }

    /** {@code FUTEX_WAKE}: wakes up to {@code count} waiters on the word; returns how many it woke. */
    static int wake(MemorySegment word, int count) {
        assert AVAILABLE;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            long result = (long) SYSCALL.invokeExact(state, SYS_FUTEX, word, FUTEX_WAKE, (long) count,
                    MemorySegment.NULL, MemorySegment.NULL, 0L);
            if (result < 0) {
                throw new IllegalStateException("futex(FUTEX_WAKE) failed with errno " + ERRNO.get(state, 0L));
            }
            return (int) result;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("futex(FUTEX_WAKE) failed", t);
        }
    }
}
