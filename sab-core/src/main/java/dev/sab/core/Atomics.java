package dev.sab.core;

import dev.sab.core.internal.Waits;

/**
 * ECMAScript's {@code Atomics} namespace: sequentially consistent operations on integer typed
 * arrays, and {@code wait}/{@code notify} on shared ones.
 *
 * <p>Every operation first validates the view and index: an index outside {@code [0, length())}
 * throws {@link IndexOutOfBoundsException} naming the index and the length (ECMAScript's
 * RangeError); a view of a detached {@code ArrayBuffer} throws {@link IllegalStateException}
 * (ECMAScript's TypeError). Float views are not accepted: the parameter types say so, as
 * ECMAScript's TypeError does.
 *
 * <p>Values are {@code long}s, converted to the element type modulo 2^width before the operation,
 * as the specification's {@code ToInt8} ... {@code ToBigUint64} conversions do:
 * {@code Atomics.add(uint8, 0, 300)} adds 44. Each read-modify-write returns the old element in
 * its own type (see {@link IntegerTypedArray}). {@link #store} returns the value it was given,
 * unconverted, as ECMAScript returns {@code ToIntegerOrInfinity(value)}.
 *
 * <p>Memory order: every operation is a Java volatile access or volatile read-modify-write, the
 * rendering of ECMAScript's SeqCst events. The operations work on non-shared buffers too (they are
 * then merely single-agent reads and writes), except {@code wait}.
 *
 * <h2>wait, waitAsync, notify</h2>
 * {@code wait} and {@code waitAsync} take an {@link Int32Array} or a {@link BigInt64Array} of a
 * {@link SharedArrayBuffer} (any other buffer: {@link IllegalArgumentException}, ECMAScript's
 * TypeError). The timeout is in milliseconds: {@code NaN} and {@code +Infinity} wait forever, a
 * negative one counts as 0, and timeouts beyond about 146 years wait forever too. Waiters on one
 * element form one first-in-first-out list, synchronous and asynchronous together; {@code notify}
 * wakes from its front. A waiter is only ever woken by a notify or its timeout: there are no
 * spurious {@code "ok"}s.
 *
 * <p>{@code wait} suspends the calling thread (a virtual thread unmounts from its carrier; see
 * {@link SharedArrayBuffer#waitMechanism()} for buffers where that differs) and is refused where
 * the current {@link Agent} may not block. It is not interruptible, as JavaScript agents are not:
 * an interrupt is remembered and re-asserted when {@code wait} returns.
 */
public final class Atomics {

    /** Whether 8-byte atomics are lock-free: VarHandle long atomics are single instructions on 64-bit JVMs. */
    private static final boolean LOCK_FREE_8 = "64".equals(System.getProperty("sun.arch.data.model"));

    /** Longest finite timeout, about 146 years; longer ones wait forever (and keep deadline arithmetic exact). */
    private static final long MAX_FINITE_TIMEOUT_NANOS = 1L << 62;

    private Atomics() {
    }

    /** Adds {@code value} to element {@code index} and returns the old element. */
    public static long add(IntegerTypedArray ta, int index, long value) {
        return ta.getAndAddVolatile(ta.elementOffset(index), value);
    }

    /**
     * Subtracts {@code value} from element {@code index} and returns the old element. Adding the
     * negation is the same operation modulo 2^width, for every width.
     */
    public static long sub(IntegerTypedArray ta, int index, long value) {
        return ta.getAndAddVolatile(ta.elementOffset(index), -value);
    }

    /** Bitwise-ands element {@code index} with {@code value} and returns the old element. */
    public static long and(IntegerTypedArray ta, int index, long value) {
        return ta.getAndBitwiseAndVolatile(ta.elementOffset(index), value);
    }

    /** Bitwise-ors element {@code index} with {@code value} and returns the old element. */
    public static long or(IntegerTypedArray ta, int index, long value) {
        return ta.getAndBitwiseOrVolatile(ta.elementOffset(index), value);
    }

    /** Bitwise-xors element {@code index} with {@code value} and returns the old element. */
    public static long xor(IntegerTypedArray ta, int index, long value) {
        return ta.getAndBitwiseXorVolatile(ta.elementOffset(index), value);
    }

    /** Sets element {@code index} to {@code value} and returns the old element. */
    public static long exchange(IntegerTypedArray ta, int index, long value) {
        return ta.getAndSetVolatile(ta.elementOffset(index), value);
    }

    /**
     * Sets element {@code index} to {@code replacement} if it equals {@code expected} converted to
     * the element type, and returns the old element either way. A {@code Uint8Array} element
     * holding 44 matches an {@code expected} of 300.
     */
    public static long compareExchange(IntegerTypedArray ta, int index, long expected, long replacement) {
        return ta.compareAndExchangeVolatile(ta.elementOffset(index), expected, replacement);
    }

    /** Element {@code index}, read with sequential consistency. */
    public static long load(IntegerTypedArray ta, int index) {
        return ta.getVolatile(ta.elementOffset(index));
    }

    /**
     * Writes {@code value} (converted to the element type) to element {@code index} with
     * sequential consistency, and returns {@code value} unconverted: {@code store(uint8, 0, 300)}
     * stores 44 and returns 300.
     */
    public static long store(IntegerTypedArray ta, int index, long value) {
        ta.setVolatile(ta.elementOffset(index), value);
        return value;
    }

    // ---- wait -----------------------------------------------------------------------------------

    /** {@code wait(ta, index, value, +Infinity)}. */
    public static WaitResult wait(Int32Array ta, int index, int value) {
        return wait(ta, index, value, Double.POSITIVE_INFINITY);
    }

    /**
     * ECMAScript's {@code Atomics.wait}: if element {@code index} holds {@code value}, suspends
     * the calling thread until an {@code Atomics.notify} on the element wakes it ({@code OK}) or
     * {@code timeoutMs} pass ({@code TIMED_OUT}); otherwise returns {@code NOT_EQUAL} at once.
     *
     * @throws IllegalArgumentException if {@code ta} does not view a {@link SharedArrayBuffer}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     * @throws IllegalStateException if {@link Agent#current()} may not block: use
     *     {@link #waitAsync(Int32Array, int, int, double)}
     */
    public static WaitResult wait(Int32Array ta, int index, int value, double timeoutMs) {
        SharedArrayBuffer sab = sharedBuffer(ta, "wait");
        long offset = ta.elementOffset(index);
        long timeoutNanos = timeoutNanos(timeoutMs);
        checkCanBlock();
        return sab.waits.await(ta.memory, offset, false, value, timeoutNanos);
    }

    /** {@code wait(ta, index, value, +Infinity)}. */
    public static WaitResult wait(BigInt64Array ta, int index, long value) {
        return wait(ta, index, value, Double.POSITIVE_INFINITY);
    }

    /** As {@link #wait(Int32Array, int, int, double)}, on a 64-bit element. */
    public static WaitResult wait(BigInt64Array ta, int index, long value, double timeoutMs) {
        SharedArrayBuffer sab = sharedBuffer(ta, "wait");
        long offset = ta.elementOffset(index);
        long timeoutNanos = timeoutNanos(timeoutMs);
        checkCanBlock();
        return sab.waits.await(ta.memory, offset, true, value, timeoutNanos);
    }

    // ---- waitAsync ------------------------------------------------------------------------------

    /** {@code waitAsync(ta, index, value, +Infinity)}. */
    public static WaitAsyncResult waitAsync(Int32Array ta, int index, int value) {
        return waitAsync(ta, index, value, Double.POSITIVE_INFINITY);
    }

    /**
     * ECMAScript's {@code Atomics.waitAsync}: {@code wait} without suspending, allowed for every
     * agent. If element {@code index} does not hold {@code value}, or {@code timeoutMs} is 0 (or
     * negative), the result is immediate ({@code async} false, see {@link WaitAsyncResult});
     * otherwise the waiter joins the element's list and the result's promise completes with
     * {@code OK} when a notify reaches it, or {@code TIMED_OUT}.
     *
     * <p>Where the promise completes: on the thread that called {@code Atomics.notify}, right after
     * the notify left the waiter list's critical section and before {@code notify} returns; or, on
     * timeout, on the daemon thread {@code sab-atomics-timeouts} (for a memory-mapped buffer
     * using the futex, on the thread that waits in the kernel for it). Dependent stages registered
     * without an executor run there too, so they must be short; an event loop resumes its
     * coroutine on the loop by handing the completion to its own queue, which is what ECMAScript's
     * "enqueue a job on the waiter's agent" means.
     *
     * @throws IllegalArgumentException if {@code ta} does not view a {@link SharedArrayBuffer}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public static WaitAsyncResult waitAsync(Int32Array ta, int index, int value, double timeoutMs) {
        SharedArrayBuffer sab = sharedBuffer(ta, "waitAsync");
        long offset = ta.elementOffset(index);
        return sab.waits.awaitAsync(ta.memory, offset, false, value, timeoutNanos(timeoutMs));
    }

    /** {@code waitAsync(ta, index, value, +Infinity)}. */
    public static WaitAsyncResult waitAsync(BigInt64Array ta, int index, long value) {
        return waitAsync(ta, index, value, Double.POSITIVE_INFINITY);
    }

    /** As {@link #waitAsync(Int32Array, int, int, double)}, on a 64-bit element. */
    public static WaitAsyncResult waitAsync(BigInt64Array ta, int index, long value, double timeoutMs) {
        SharedArrayBuffer sab = sharedBuffer(ta, "waitAsync");
        long offset = ta.elementOffset(index);
        return sab.waits.awaitAsync(ta.memory, offset, true, value, timeoutNanos(timeoutMs));
    }

    // ---- notify ---------------------------------------------------------------------------------

    /** Wakes every waiter on element {@code index}; returns how many. */
    public static int notify(Int32Array ta, int index) {
        return notify(ta, index, Integer.MAX_VALUE);
    }

    /**
     * ECMAScript's {@code Atomics.notify}: wakes up to {@code count} waiters on element
     * {@code index}, oldest first, and returns how many it woke; a {@code count} of 0 or less
     * wakes none. On a view of a non-shared buffer it returns 0, as in ECMAScript.
     *
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public static int notify(Int32Array ta, int index, int count) {
        return notifyAt(ta, index, count);
    }

    /** Wakes every waiter on element {@code index}; returns how many. */
    public static int notify(BigInt64Array ta, int index) {
        return notify(ta, index, Integer.MAX_VALUE);
    }

    /** As {@link #notify(Int32Array, int, int)}, on a 64-bit element. */
    public static int notify(BigInt64Array ta, int index, int count) {
        return notifyAt(ta, index, count);
    }

    private static int notifyAt(IntegerTypedArray ta, int index, int count) {
        long offset = ta.elementOffset(index);
        if (count <= 0 || !(ta.buffer instanceof SharedArrayBuffer sab)) {
            return 0;
        }
        return sab.waits.notify(ta.memory, offset, count);
    }

    // ---- validation shared by wait and waitAsync --------------------------------------------------

    private static SharedArrayBuffer sharedBuffer(IntegerTypedArray ta, String operation) {
        if (ta.buffer instanceof SharedArrayBuffer sab) {
            return sab;
        }
        throw new IllegalArgumentException("Atomics." + operation + " needs a view of a SharedArrayBuffer, but this "
                + ta.getClass().getSimpleName() + " views an ArrayBuffer");
    }

    /** Step "If mode is sync and AgentCanSuspend() is false, throw a TypeError". */
    private static void checkCanBlock() {
        Agent.requireCurrentCanBlock("Atomics.wait", "Atomics.waitAsync");
    }

    /** ECMAScript's timeout conversion: NaN is +Infinity, negatives are 0; then milliseconds to nanoseconds. */
    static long timeoutNanos(double timeoutMs) {
        if (Double.isNaN(timeoutMs)) {
            return Waits.FOREVER;
        }
        if (timeoutMs <= 0) {
            return 0;
        }
        double nanos = Math.ceil(timeoutMs * 1_000_000.0); // any positive timeout waits, if only 1 ns
        return nanos >= MAX_FINITE_TIMEOUT_NANOS ? Waits.FOREVER : (long) nanos;
    }

    /**
     * Whether atomic operations on {@code size}-byte elements are lock-free: always for 4 (the
     * specification requires it); for 1 and 2 as well, since their read-modify-writes are
     * compare-and-set loops on the containing word, never a lock; for 8 on 64-bit JVMs; for any
     * other size, false. V8 on x86-64 answers the same.
     */
    public static boolean isLockFree(int size) {
        return switch (size) {
            case 1, 2, 4 -> true;
            case 8 -> LOCK_FREE_8;
            default -> false;
        };
    }

    /**
     * ECMAScript's {@code Atomics.pause()}: a hint that the caller is spinning, which lets the CPU
     * save power and yield pipeline resources to a sibling hyper-thread ({@link Thread#onSpinWait()},
     * the x86 {@code PAUSE} instruction).
     */
    public static void pause() {
        Thread.onSpinWait();
    }

    /**
     * ECMAScript's {@code Atomics.pause(iterationNumber)}: a spin-wait hint whose length grows with
     * the iteration number, for exponential back-off; here {@code 2^min(iterationNumber, 10)} spin
     * hints, and one for a negative number. The specification leaves the length to the
     * implementation.
     */
    public static void pause(int iterationNumber) {
        int spins = 1 << Math.clamp(iterationNumber, 0, 10);
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
    }
}
