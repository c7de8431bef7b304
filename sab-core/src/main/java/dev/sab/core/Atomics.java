package dev.sab.core;

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
 */
public final class Atomics {

    /** Whether 8-byte atomics are lock-free: VarHandle long atomics are single instructions on 64-bit JVMs. */
    private static final boolean LOCK_FREE_8 = "64".equals(System.getProperty("sun.arch.data.model"));

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
