package dev.sab.core;

import dev.sab.core.internal.Memory;

/**
 * ECMAScript's {@code Int32Array}: a view of 32-bit two's-complement integers.
 *
 * <p>{@link Atomics} operations are single {@code VarHandle} operations on the element.
 *
 * <p>See {@link TypedArray} for bounds, errors and thread-safety, {@link IntegerTypedArray} for
 * how values convert.
 */
public final class Int32Array extends IntegerTypedArray {

    /** ECMAScript's {@code Int32Array.BYTES_PER_ELEMENT}. */
    public static final int BYTES_PER_ELEMENT = 4;

    private static final int SHIFT = 2;

    /** A view of all of {@code buffer}, tracking its length if it is growable. */
    public Int32Array(ArrayBufferLike buffer) {
        super(buffer, 0, 0, false, SHIFT);
    }

    /** A view of {@code buffer} from {@code byteOffset} to its end, tracking its length if it is growable. */
    public Int32Array(ArrayBufferLike buffer, int byteOffset) {
        super(buffer, byteOffset, 0, false, SHIFT);
    }

    /** A view of {@code length} elements of {@code buffer} from {@code byteOffset}. */
    public Int32Array(ArrayBufferLike buffer, int byteOffset, int length) {
        super(buffer, byteOffset, length, true, SHIFT);
    }

    /** A view of a new, non-shared {@link ArrayBuffer} of {@code length} zero elements. */
    public Int32Array(int length) {
        super(ownBuffer(length, SHIFT), 0, length, true, SHIFT);
    }

    @Override
    public long get(int index) {
        return Memory.getIntPlain(memory, elementOffset(index));
    }

    @Override
    public void set(int index, long value) {
        Memory.setIntPlain(memory, elementOffset(index), (int) value);
    }

    @Override
    long getVolatile(long offset) {
        return Memory.getIntVolatile(memory, offset);
    }

    @Override
    void setVolatile(long offset, long value) {
        Memory.setIntVolatile(memory, offset, (int) value);
    }

    @Override
    long getAndAddVolatile(long offset, long delta) {
        return Memory.getAndAddIntVolatile(memory, offset, (int) delta);
    }

    @Override
    long getAndBitwiseAndVolatile(long offset, long mask) {
        return Memory.getAndBitwiseAndIntVolatile(memory, offset, (int) mask);
    }

    @Override
    long getAndBitwiseOrVolatile(long offset, long mask) {
        return Memory.getAndBitwiseOrIntVolatile(memory, offset, (int) mask);
    }

    @Override
    long getAndBitwiseXorVolatile(long offset, long mask) {
        return Memory.getAndBitwiseXorIntVolatile(memory, offset, (int) mask);
    }

    @Override
    long getAndSetVolatile(long offset, long value) {
        return Memory.getAndSetIntVolatile(memory, offset, (int) value);
    }

    @Override
    long compareAndExchangeVolatile(long offset, long expected, long value) {
        return Memory.compareAndExchangeIntVolatile(memory, offset, (int) expected, (int) value);
    }
}
