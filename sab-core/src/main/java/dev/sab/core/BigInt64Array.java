package dev.sab.core;

import dev.sab.core.internal.Memory;

/**
 * ECMAScript's {@code BigInt64Array}: a view of 64-bit two's-complement integers (ECMAScript BigInts, as {@code long}s).
 *
 * <p>{@link Atomics} operations are single {@code VarHandle} operations on the element.
 *
 * <p>See {@link TypedArray} for bounds, errors and thread-safety, {@link IntegerTypedArray} for
 * how values convert.
 */
public final class BigInt64Array extends IntegerTypedArray {

    /** ECMAScript's {@code BigInt64Array.BYTES_PER_ELEMENT}. */
    public static final int BYTES_PER_ELEMENT = 8;

    private static final int SHIFT = 3;

    /** A view of all of {@code buffer}, tracking its length if it is growable. */
    public BigInt64Array(ArrayBufferLike buffer) {
        super(buffer, 0, 0, false, SHIFT);
    }

    /** A view of {@code buffer} from {@code byteOffset} to its end, tracking its length if it is growable. */
    public BigInt64Array(ArrayBufferLike buffer, int byteOffset) {
        super(buffer, byteOffset, 0, false, SHIFT);
    }

    /** A view of {@code length} elements of {@code buffer} from {@code byteOffset}. */
    public BigInt64Array(ArrayBufferLike buffer, int byteOffset, int length) {
        super(buffer, byteOffset, length, true, SHIFT);
    }

    /** A view of a new, non-shared {@link ArrayBuffer} of {@code length} zero elements. */
    public BigInt64Array(int length) {
        super(ownBuffer(length, SHIFT), 0, length, true, SHIFT);
    }

    @Override
    public long get(int index) {
        return Memory.getLongPlain(memory, elementOffset(index));
    }

    @Override
    public void set(int index, long value) {
        Memory.setLongPlain(memory, elementOffset(index), value);
    }

    @Override
    long getVolatile(long offset) {
        return Memory.getLongVolatile(memory, offset);
    }

    @Override
    void setVolatile(long offset, long value) {
        Memory.setLongVolatile(memory, offset, value);
    }

    @Override
    long getAndAddVolatile(long offset, long delta) {
        return Memory.getAndAddLongVolatile(memory, offset, delta);
    }

    @Override
    long getAndBitwiseAndVolatile(long offset, long mask) {
        return Memory.getAndBitwiseAndLongVolatile(memory, offset, mask);
    }

    @Override
    long getAndBitwiseOrVolatile(long offset, long mask) {
        return Memory.getAndBitwiseOrLongVolatile(memory, offset, mask);
    }

    @Override
    long getAndBitwiseXorVolatile(long offset, long mask) {
        return Memory.getAndBitwiseXorLongVolatile(memory, offset, mask);
    }

    @Override
    long getAndSetVolatile(long offset, long value) {
        return Memory.getAndSetLongVolatile(memory, offset, value);
    }

    @Override
    long compareAndExchangeVolatile(long offset, long expected, long value) {
        return Memory.compareAndExchangeLongVolatile(memory, offset, expected, value);
    }
}
