package dev.sab.core;

import dev.sab.core.internal.Memory;

/**
 * ECMAScript's {@code Int8Array}: a view of 8-bit two's-complement integers, -128..127.
 *
 * <p>{@link Atomics} read-modify-writes are compare-and-set loops on the aligned 32-bit word
 * that contains the element; they never disturb the neighbouring elements.
 *
 * <p>See {@link TypedArray} for bounds, errors and thread-safety, {@link IntegerTypedArray} for
 * how values convert.
 */
public final class Int8Array extends IntegerTypedArray {

    /** ECMAScript's {@code Int8Array.BYTES_PER_ELEMENT}. */
    public static final int BYTES_PER_ELEMENT = 1;

    private static final int SHIFT = 0;

    /** A view of all of {@code buffer}, tracking its length if it is growable. */
    public Int8Array(ArrayBufferLike buffer) {
        super(buffer, 0, 0, false, SHIFT);
    }

    /** A view of {@code buffer} from {@code byteOffset} to its end, tracking its length if it is growable. */
    public Int8Array(ArrayBufferLike buffer, int byteOffset) {
        super(buffer, byteOffset, 0, false, SHIFT);
    }

    /** A view of {@code length} elements of {@code buffer} from {@code byteOffset}. */
    public Int8Array(ArrayBufferLike buffer, int byteOffset, int length) {
        super(buffer, byteOffset, length, true, SHIFT);
    }

    /** A view of a new, non-shared {@link ArrayBuffer} of {@code length} zero elements. */
    public Int8Array(int length) {
        super(ownBuffer(length, SHIFT), 0, length, true, SHIFT);
    }

    @Override
    public long get(int index) {
        return Memory.getBytePlain(memory, elementOffset(index));
    }

    @Override
    public void set(int index, long value) {
        Memory.setBytePlain(memory, elementOffset(index), (byte) value);
    }

    @Override
    long getVolatile(long offset) {
        return Memory.getByteVolatile(memory, offset);
    }

    @Override
    void setVolatile(long offset, long value) {
        Memory.setByteVolatile(memory, offset, (byte) value);
    }

    @Override
    long getAndAddVolatile(long offset, long delta) {
        return fromLane(Memory.getAndAddByteVolatile(memory, offset, (int) delta));
    }

    @Override
    long getAndBitwiseAndVolatile(long offset, long mask) {
        return fromLane(Memory.getAndBitwiseAndByteVolatile(memory, offset, (int) mask));
    }

    @Override
    long getAndBitwiseOrVolatile(long offset, long mask) {
        return fromLane(Memory.getAndBitwiseOrByteVolatile(memory, offset, (int) mask));
    }

    @Override
    long getAndBitwiseXorVolatile(long offset, long mask) {
        return fromLane(Memory.getAndBitwiseXorByteVolatile(memory, offset, (int) mask));
    }

    @Override
    long getAndSetVolatile(long offset, long value) {
        return fromLane(Memory.getAndSetByteVolatile(memory, offset, (int) value));
    }

    @Override
    long compareAndExchangeVolatile(long offset, long expected, long value) {
        return fromLane(Memory.compareAndExchangeByteVolatile(memory, offset, (int) expected, (int) value));
    }

    private static long fromLane(int raw) {
        return (byte) raw;
    }
}
