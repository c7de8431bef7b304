package dev.sab.core.internal;

import dev.sab.core.WaitAsyncResult;
import dev.sab.core.WaitResult;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wait and notify for a memory-mapped buffer that other processes may share: the kernel's futex
 * queue is the waiter list, so a notify in one process wakes a waiter in another.
 *
 * <p>Semantics, compared with the specification's (and {@link InProcessWaits}):
 * <ul>
 *   <li>32-bit waits are exact: the kernel compares the word and enqueues the waiter atomically,
 *       which is the specification's critical section. {@code EAGAIN} is {@code not-equal},
 *       {@code ETIMEDOUT} is {@code timed-out}, a wake is {@code ok}; an {@code EINTR} (a signal)
 *       waits again for the time left.</li>
 *   <li>64-bit waits compare all 64 bits first, then sleep on the element's first 32-bit word in
 *       slices of at most {@value #WIDE_SLICE_NANOS} ns, re-reading all 64 bits after each. A
 *       change to the other half ends the wait with {@code ok} even without a notify; without the
 *       slices, a change to that half plus a notify between the check and the sleep would be
 *       missed.</li>
 *   <li>Order: the kernel wakes waiters of equal priority first in first out, across processes.</li>
 *   <li>Async waits: each pending {@code waitAsync} occupies a daemon platform thread
 *       ({@code sab-futex-async}) sleeping in the kernel; its promise completes on that thread. If
 *       the word changed between the call and that thread's sleep, the promise completes with
 *       {@code ok}, since a notify is then on its way or already missed.</li>
 *   <li>A waiting thread is inside a native call: a virtual thread pins its carrier.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class FutexWaits implements Waits {

    /** Slice of a 64-bit futex wait, ns; bounds how late a change to the unwatched half is seen (sab's choice). */
    static final long WIDE_SLICE_NANOS = 1_000_000;

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private static final class AsyncWaiters {
        static final ExecutorService THREADS = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("sab-futex-async-", 0).daemon(true).factory());
    }

    @Override
    public WaitResult await(MemorySegment memory, long offset, boolean wide, long expected, long timeoutNanos) {
        if (timeoutNanos == 0) {
            return read(memory, offset, wide) == expected ? WaitResult.TIMED_OUT : WaitResult.NOT_EQUAL;
        }
        if (wide && read(memory, offset, true) != expected) {
            return WaitResult.NOT_EQUAL;
        }
        return sleep(memory, offset, wide, expected, timeoutNanos);
    }

    /** Sleeps in the kernel until woken, timed out, or (wide) the value changed. */
    private static WaitResult sleep(MemorySegment memory, long offset, boolean wide, long expected,
            long timeoutNanos) {
        MemorySegment word = memory.asSlice(offset, 4);
        int expectedWord = wide ? firstWordOf(expected) : (int) expected;
        long deadline = System.nanoTime() + timeoutNanos;
        boolean queued = false; // once the kernel has queued us, a changed word means a notify is due: ok
        while (true) {
            long remaining = timeoutNanos == FOREVER ? FOREVER : deadline - System.nanoTime();
            if (remaining <= 0) {
                return WaitResult.TIMED_OUT;
            }
            long slice = wide ? Math.min(remaining, WIDE_SLICE_NANOS) : remaining;
            int error = Futex.await(word, expectedWord, slice);
            switch (error) {
                case 0:
                    return WaitResult.OK;
                case Futex.EAGAIN:
                    return wide || queued ? WaitResult.OK : WaitResult.NOT_EQUAL; // wide: it equalled at our check
                case Futex.EINTR:
                    queued = true;
                    continue;
                case Futex.ETIMEDOUT:
                    queued = true;
                    if (wide && read(memory, offset, true) != expected) {
                        return WaitResult.OK;
                    }
                    continue; // the loop decides whether the whole timeout has passed
                default:
                    throw new IllegalStateException("futex(FUTEX_WAIT) failed with errno " + error);
            }
        }
    }

    @Override
    public WaitAsyncResult awaitAsync(MemorySegment memory, long offset, boolean wide, long expected,
            long timeoutNanos) {
        if (read(memory, offset, wide) != expected) {
            return immediate(WaitResult.NOT_EQUAL);
        }
        if (timeoutNanos == 0) {
            return immediate(WaitResult.TIMED_OUT);
        }
        CompletableFuture<WaitResult> promise = new CompletableFuture<>();
        AsyncWaiters.THREADS.execute(() -> {
            WaitResult result = sleep(memory, offset, wide, expected, timeoutNanos);
            promise.complete(result == WaitResult.NOT_EQUAL ? WaitResult.OK : result);
        });
        return new WaitAsyncResult(true, null, promise.minimalCompletionStage());
    }

    private static WaitAsyncResult immediate(WaitResult result) {
        return new WaitAsyncResult(false, result, CompletableFuture.completedStage(result));
    }

    @Override
    public int notify(MemorySegment memory, long offset, int count) {
        return Futex.wake(memory.asSlice(offset, 4), count);
    }

    @Override
    public String mechanism() {
        return "futex";
    }

    private static long read(MemorySegment memory, long offset, boolean wide) {
        return wide ? Memory.getLongVolatile(memory, offset) : Memory.getIntVolatile(memory, offset);
    }

    /** The 32 bits of a 64-bit value that lie at its element's first address. */
    private static int firstWordOf(long value) {
        return LITTLE_ENDIAN ? (int) value : (int) (value >>> 32);
    }
}
