package dev.sab.core;

/**
 * A typed view of integers: the eight kinds {@link Atomics} operates on. Values cross the API as
 * {@code long}s. A write keeps the low bits that fit the element (ECMAScript's {@code ToInt8},
 * {@code ToUint32}, {@code ToBigInt64} ... conversions are all "modulo 2^width"); a read returns
 * the element in its own type: signed kinds sign-extend, {@code Uint8}, {@code Uint16} and
 * {@code Uint32} read as {@code 0..2^width-1}, and {@link BigUint64Array} returns the 64 bits as a
 * {@code long} (use {@link Long#toUnsignedString(long)} to print it as ECMAScript would).
 *
 * <p>The package-private methods are the element kind's share of {@link Atomics}: each takes a
 * byte offset already checked by {@link #elementOffset(int)}, converts the operands to the element
 * type, and returns the old element in its own type. Their names carry their memory ordering; all
 * are volatile, ECMAScript's SeqCst.
 */
public abstract sealed class IntegerTypedArray extends TypedArray
        permits Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array {

    IntegerTypedArray(ArrayBufferLike buffer, int byteOffset, int length, boolean lengthGiven, int shift) {
        super(buffer, byteOffset, length, lengthGiven, shift);
    }

    /**
     * Element {@code index}, in the element's own type. A plain (Unordered) read.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    public abstract long get(int index);

    /**
     * Sets element {@code index} to {@code value} modulo 2^width. A plain (Unordered) write.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    public abstract void set(int index, long value);

    abstract long getVolatile(long offset);

    abstract void setVolatile(long offset, long value);

    abstract long getAndAddVolatile(long offset, long delta);

    abstract long getAndBitwiseAndVolatile(long offset, long mask);

    abstract long getAndBitwiseOrVolatile(long offset, long mask);

    abstract long getAndBitwiseXorVolatile(long offset, long mask);

    abstract long getAndSetVolatile(long offset, long value);

    /** Compares the element with {@code expected} converted to the element type, as ECMAScript does. */
    abstract long compareAndExchangeVolatile(long offset, long expected, long value);
}
