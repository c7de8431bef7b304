package dev.sab.core.internal;

import dev.sab.core.WaitAsyncResult;
import dev.sab.core.WaitResult;
import java.lang.foreign.MemorySegment;

/**
 * How one {@code SharedArrayBuffer} implements the specification's {@code DoWait} and
 * {@code Atomics.notify}: with waiter lists in this process ({@link InProcessWaits}) for memory
 * only this JVM can see; with the Linux futex ({@link FutexWaits}) for a memory-mapped buffer that
 * other processes may share; or, where there is no futex, with waiter lists that also poll the
 * element ({@link InProcessWaits#polling}). {@code Atomics} has validated the view, the index, the agent and the
 * timeout before calling; offsets are byte offsets into {@code memory}.
 *
 * <p>Implementations are thread-safe.
 */
public sealed interface Waits permits InProcessWaits, FutexWaits {

    /** A timeout that never expires: ECMAScript's {@code +Infinity}, and what a NaN timeout means. */
    long FOREVER = Long.MAX_VALUE;

    /**
     * {@code Atomics.wait}: if the element (32-bit, or 64-bit when {@code wide}) equals
     * {@code expected}, suspends the calling thread until notified or until {@code timeoutNanos}
     * pass. Not interruptible, as a JavaScript agent is not: an interrupt is remembered and
     * re-asserted on return.
     */
    WaitResult await(MemorySegment memory, long offset, boolean wide, long expected, long timeoutNanos);

    /** {@code Atomics.waitAsync}: as {@link #await} without suspending; see {@link WaitAsyncResult}. */
    WaitAsyncResult awaitAsync(MemorySegment memory, long offset, boolean wide, long expected, long timeoutNanos);

    /** {@code Atomics.notify}: wakes up to {@code count} (at least 1) waiters, first in first out; returns how many. */
    int notify(MemorySegment memory, long offset, int count);

    /** A short name of the mechanism, for documentation and results: "in-process", "futex", "polling". */
    String mechanism();
}
