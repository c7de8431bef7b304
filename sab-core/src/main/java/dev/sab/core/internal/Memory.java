package dev.sab.core.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Every access sab-core makes to buffer memory, each method named for its memory ordering, as
 * Agrona's {@code AtomicBuffer} names them ({@code getIntVolatile}, {@code putIntRelease}).
 *
 * <p>ECMAScript's orderings map onto Java's as follows. {@code SeqCst} events (every
 * {@code Atomics} operation) are Java volatile accesses: volatile reads and writes and the
 * read-modify-writes of {@link VarHandle} are sequentially consistent with each other.
 * {@code Unordered} events (a typed array's {@code get} and {@code set}) are Java plain accesses:
 * the compiler may hoist them out of loops and the hardware may reorder them, which is exactly the
 * freedom the ECMAScript memory model grants and the reason JavaScript programs need
 * {@code Atomics} at all.
 *
 * <p>Offsets are byte offsets from the start of the buffer's segment, whose base address is
 * aligned to {@link #RESERVATION_ALIGNMENT}; callers guarantee element alignment (typed views
 * refuse unaligned byte offsets), which the {@code VarHandle}s check as well.
 *
 * <p>8- and 16-bit read-modify-writes. {@code MemorySegment} var handles support only plain,
 * opaque, acquire/release and volatile reads and writes on {@code byte} and {@code short} (checked
 * on JDK 25: {@code isAccessModeSupported(COMPARE_AND_SET)} is false), so each narrow
 * read-modify-write is a compare-and-set loop on the aligned 32-bit word that contains the lane.
 * The loop replaces only the lane's bits; a concurrent write to a neighbouring byte makes the CAS
 * fail and the loop retry, so neighbours are never disturbed. Buffers reserve a multiple of
 * {@link #RESERVATION_ALIGNMENT} bytes, so the containing word always lies inside the segment.
 *
 * <p>Thread-safe: stateless.
 */
public final class Memory {

    /**
     * Alignment and size granule of every buffer reservation: the largest element (8 bytes, a
     * BigInt64) so that every element is naturally aligned, which 32- and 64-bit atomics require,
     * and so that the 32-bit word containing any byte lies inside the segment.
     */
    public static final int RESERVATION_ALIGNMENT = 8;

    private static final VarHandle BYTE = ValueLayout.JAVA_BYTE.varHandle();
    private static final VarHandle SHORT = ValueLayout.JAVA_SHORT.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle FLOAT = ValueLayout.JAVA_FLOAT.varHandle();
    private static final VarHandle DOUBLE = ValueLayout.JAVA_DOUBLE.varHandle();

    /** Typed arrays use the platform's byte order, as ECMAScript's do; so do our word lanes. */
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    // Operation codes of the narrow (8- and 16-bit) read-modify-write loop.
    private static final int OP_ADD = 0;
    private static final int OP_AND = 1;
    private static final int OP_OR = 2;
    private static final int OP_XOR = 3;
    private static final int OP_EXCHANGE = 4;

    private Memory() {
    }

    /** Rounds a byte length up to the reservation granule. */
    public static long reservationSize(long byteLength) {
        return (byteLength + RESERVATION_ALIGNMENT - 1) & -RESERVATION_ALIGNMENT;
    }

    // ---- plain (ECMAScript Unordered): typed array get/set --------------------------------------

    public static byte getBytePlain(MemorySegment s, long offset) {
        return (byte) BYTE.get(s, offset);
    }

    public static void setBytePlain(MemorySegment s, long offset, byte value) {
        BYTE.set(s, offset, value);
    }

    public static short getShortPlain(MemorySegment s, long offset) {
        return (short) SHORT.get(s, offset);
    }

    public static void setShortPlain(MemorySegment s, long offset, short value) {
        SHORT.set(s, offset, value);
    }

    public static int getIntPlain(MemorySegment s, long offset) {
        return (int) INT.get(s, offset);
    }

    public static void setIntPlain(MemorySegment s, long offset, int value) {
        INT.set(s, offset, value);
    }

    public static long getLongPlain(MemorySegment s, long offset) {
        return (long) LONG.get(s, offset);
    }

    public static void setLongPlain(MemorySegment s, long offset, long value) {
        LONG.set(s, offset, value);
    }

    public static float getFloatPlain(MemorySegment s, long offset) {
        return (float) FLOAT.get(s, offset);
    }

    public static void setFloatPlain(MemorySegment s, long offset, float value) {
        FLOAT.set(s, offset, value);
    }

    public static double getDoublePlain(MemorySegment s, long offset) {
        return (double) DOUBLE.get(s, offset);
    }

    public static void setDoublePlain(MemorySegment s, long offset, double value) {
        DOUBLE.set(s, offset, value);
    }

    // ---- volatile (ECMAScript SeqCst): Atomics.load / Atomics.store -----------------------------

    public static byte getByteVolatile(MemorySegment s, long offset) {
        return (byte) BYTE.getVolatile(s, offset);
    }

    /**
     * A volatile byte store. It races correctly with the word CAS loops below: the CAS on the
     * containing word fails when this byte changed under it, and the loop retries.
     */
    public static void setByteVolatile(MemorySegment s, long offset, byte value) {
        BYTE.setVolatile(s, offset, value);
    }

    public static short getShortVolatile(MemorySegment s, long offset) {
        return (short) SHORT.getVolatile(s, offset);
    }

    public static void setShortVolatile(MemorySegment s, long offset, short value) {
        SHORT.setVolatile(s, offset, value);
    }

    public static int getIntVolatile(MemorySegment s, long offset) {
        return (int) INT.getVolatile(s, offset);
    }

    public static void setIntVolatile(MemorySegment s, long offset, int value) {
        INT.setVolatile(s, offset, value);
    }

    public static long getLongVolatile(MemorySegment s, long offset) {
        return (long) LONG.getVolatile(s, offset);
    }

    public static void setLongVolatile(MemorySegment s, long offset, long value) {
        LONG.setVolatile(s, offset, value);
    }

    // ---- 32-bit read-modify-writes, volatile: native VarHandle operations ------------------------

    public static int getAndAddIntVolatile(MemorySegment s, long offset, int delta) {
        return (int) INT.getAndAdd(s, offset, delta);
    }

    public static int getAndBitwiseAndIntVolatile(MemorySegment s, long offset, int mask) {
        return (int) INT.getAndBitwiseAnd(s, offset, mask);
    }

    public static int getAndBitwiseOrIntVolatile(MemorySegment s, long offset, int mask) {
        return (int) INT.getAndBitwiseOr(s, offset, mask);
    }

    public static int getAndBitwiseXorIntVolatile(MemorySegment s, long offset, int mask) {
        return (int) INT.getAndBitwiseXor(s, offset, mask);
    }

    public static int getAndSetIntVolatile(MemorySegment s, long offset, int value) {
        return (int) INT.getAndSet(s, offset, value);
    }

    public static int compareAndExchangeIntVolatile(MemorySegment s, long offset, int expected, int value) {
        return (int) INT.compareAndExchange(s, offset, expected, value);
    }

    // ---- 64-bit read-modify-writes, volatile: native VarHandle operations ------------------------

    public static long getAndAddLongVolatile(MemorySegment s, long offset, long delta) {
        return (long) LONG.getAndAdd(s, offset, delta);
    }

    public static long getAndBitwiseAndLongVolatile(MemorySegment s, long offset, long mask) {
        return (long) LONG.getAndBitwiseAnd(s, offset, mask);
    }

    public static long getAndBitwiseOrLongVolatile(MemorySegment s, long offset, long mask) {
        return (long) LONG.getAndBitwiseOr(s, offset, mask);
    }

    public static long getAndBitwiseXorLongVolatile(MemorySegment s, long offset, long mask) {
        return (long) LONG.getAndBitwiseXor(s, offset, mask);
    }

    public static long getAndSetLongVolatile(MemorySegment s, long offset, long value) {
        return (long) LONG.getAndSet(s, offset, value);
    }

    public static long compareAndExchangeLongVolatile(MemorySegment s, long offset, long expected, long value) {
        return (long) LONG.compareAndExchange(s, offset, expected, value);
    }

    // ---- 8-bit read-modify-writes, volatile: CAS loops on the containing word --------------------
    // Each returns the old lane as raw bits (0..0xFF); the caller sign- or zero-extends.

    public static int getAndAddByteVolatile(MemorySegment s, long offset, int delta) {
        return getAndApplyNarrowVolatile(s, offset, 1, OP_ADD, delta);
    }

    public static int getAndBitwiseAndByteVolatile(MemorySegment s, long offset, int mask) {
        return getAndApplyNarrowVolatile(s, offset, 1, OP_AND, mask);
    }

    public static int getAndBitwiseOrByteVolatile(MemorySegment s, long offset, int mask) {
        return getAndApplyNarrowVolatile(s, offset, 1, OP_OR, mask);
    }

    public static int getAndBitwiseXorByteVolatile(MemorySegment s, long offset, int mask) {
        return getAndApplyNarrowVolatile(s, offset, 1, OP_XOR, mask);
    }

    public static int getAndSetByteVolatile(MemorySegment s, long offset, int value) {
        return getAndApplyNarrowVolatile(s, offset, 1, OP_EXCHANGE, value);
    }

    public static int compareAndExchangeByteVolatile(MemorySegment s, long offset, int expected, int value) {
        return compareAndExchangeNarrowVolatile(s, offset, 1, expected, value);
    }

    // ---- 16-bit read-modify-writes, volatile: CAS loops on the containing word -------------------
    // Each returns the old lane as raw bits (0..0xFFFF); the caller sign- or zero-extends.

    public static int getAndAddShortVolatile(MemorySegment s, long offset, int delta) {
        return getAndApplyNarrowVolatile(s, offset, 2, OP_ADD, delta);
    }

    public static int getAndBitwiseAndShortVolatile(MemorySegment s, long offset, int mask) {
        return getAndApplyNarrowVolatile(s, offset, 2, OP_AND, mask);
    }

    public static int getAndBitwiseOrShortVolatile(MemorySegment s, long offset, int mask) {
        return getAndApplyNarrowVolatile(s, offset, 2, OP_OR, mask);
    }

    public static int getAndBitwiseXorShortVolatile(MemorySegment s, long offset, int mask) {
        return getAndApplyNarrowVolatile(s, offset, 2, OP_XOR, mask);
    }

    public static int getAndSetShortVolatile(MemorySegment s, long offset, int value) {
        return getAndApplyNarrowVolatile(s, offset, 2, OP_EXCHANGE, value);
    }

    public static int compareAndExchangeShortVolatile(MemorySegment s, long offset, int expected, int value) {
        return compareAndExchangeNarrowVolatile(s, offset, 2, expected, value);
    }

    // ---- the word loop ---------------------------------------------------------------------------

    /** Bit position of a {@code width}-byte lane at {@code offset} inside its aligned 32-bit word. */
    private static int laneShift(long offset, int width) {
        int byteInWord = (int) (offset & 3);
        return LITTLE_ENDIAN ? byteInWord * 8 : (4 - width - byteInWord) * 8;
    }

    private static int getAndApplyNarrowVolatile(MemorySegment s, long offset, int width, int op, int operand) {
        long wordOffset = offset & ~3L;
        int shift = laneShift(offset, width);
        int laneMask = (width == 1 ? 0xFF : 0xFFFF);
        int mask = laneMask << shift;
        // volatile read, then a volatile CAS on the same word: the CAS is the linearisation point
        // and pairs with every other volatile access to any lane of the word.
        int word = getIntVolatile(s, wordOffset);
        while (true) {
            int old = (word >>> shift) & laneMask;
            int updated = switch (op) {
                case OP_ADD -> old + operand;
                case OP_AND -> old & operand;
                case OP_OR -> old | operand;
                case OP_XOR -> old ^ operand;
                case OP_EXCHANGE -> operand;
                default -> throw new AssertionError(op);
            };
            int replacement = (word & ~mask) | ((updated << shift) & mask);
            int witness = compareAndExchangeIntVolatile(s, wordOffset, word, replacement);
            if (witness == word) {
                return old;
            }
            word = witness;
        }
    }

    private static int compareAndExchangeNarrowVolatile(MemorySegment s, long offset, int width, int expected,
            int value) {
        long wordOffset = offset & ~3L;
        int shift = laneShift(offset, width);
        int laneMask = (width == 1 ? 0xFF : 0xFFFF);
        int mask = laneMask << shift;
        int expectedLane = expected & laneMask;
        int word = getIntVolatile(s, wordOffset);
        while (true) {
            int old = (word >>> shift) & laneMask;
            if (old != expectedLane) {
                return old; // a failed compareExchange is a volatile read only, as in the specification
            }
            int replacement = (word & ~mask) | ((value << shift) & mask);
            int witness = compareAndExchangeIntVolatile(s, wordOffset, word, replacement);
            if (witness == word) {
                return old;
            }
            word = witness; // another lane or this one changed: decide again on the fresh word
        }
    }
}
