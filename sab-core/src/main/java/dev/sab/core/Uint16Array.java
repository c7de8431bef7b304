package dev.sab.core;

import dev.sab.core.internal.Memory;

/**
 * ECMAScript's {@code Uint16Array}: a view of 16-bit unsigned integers, 0..65535.
 *
 * <p>{@link Atomics} read-modify-writes are compare-and-set loops on the aligned 32-bit word
 * that contains the element; they never disturb the neighbouring elements.
 *
 * <p>See {@link TypedArray} for bounds, errors and thread-safety, {@link IntegerTypedArray} for
 * how values convert.
 */
public final class Uint16Array extends IntegerTypedArray {

    /** ECMAScript's {@code Uint16Array.BYTES_PER_ELEMENT}. */
    public static final int BYTES_PER_ELEMENT = 2;

    private static final int SHIFT = 1;

    /** A view of all of {@code buffer}, tracking its length if it is growable. */
    public Uint16Array(ArrayBufferLike buffer) {
        super(buffer, 0, 0, false, SHIFT);
    }

    /** A view of {@code buffer} from {@code byteOffset} to its end, tracking its length if it is growable. */
    public Uint16Array(ArrayBufferLike buffer, int byteOffset) {
        super(buffer, byteOffset, 0, false, SHIFT);
    }

    /** A view of {@code length} elements of {@code buffer} from {@code byteOffset}. */
    public Uint16Array(ArrayBufferLike buffer, int byteOffset, int length) {
        super(buffer, byteOffset, length, true, SHIFT);
    }

    /** A view of a new, non-shared {@link ArrayBuffer} of {@code length} zero elements. */
    public Uint16Array(int length) {
        super(ownBuffer(length, SHIFT), 0, length, true, SHIFT);
    }

    @Override
    public long get(int index) {
        return Memory.getShortPlain(memory, elementOffset(index)) & 0xFFFF;
    }

    @Override
    public void set(int index, long value) {
        Memory.setShortPlain(memory, elementOffset(index), (short) value);
    }

    @Override
    long getVolatile(long offset) {
        return Memory.getShortVolatile(memory, offset) & 0xFFFF;
    }

    @Override
    void setVolatile(long offset, long value) {
        Memory.setShortVolatile(memory, offset, (short) value);
    }

    @Override
    long getAndAddVolatile(long offset, long delta) {
        return fromLane(Memory.getAndAddShortVolatile(memory, offset, (int) delta));
    }

    @Override
    long getAndBitwiseAndVolatile(long offset, long mask) {
        return fromLane(Memory.getAndBitwiseAndShortVolatile(memory, offset, (int) mask));
    }

    @Override
    long getAndBitwiseOrVolatile(long offset, long mask) {
        return fromLane(Memory.getAndBitwiseOrShortVolatile(memory, offset, (int) mask));
    }

    @Override
    long getAndBitwiseXorVolatile(long offset, long mask) {
        return fromLane(Memory.getAndBitwiseXorShortVolatile(memory, offset, (int) mask));
    }

    @Override
    long getAndSetVolatile(long offset, long value) {
        return fromLane(Memory.getAndSetShortVolatile(memory, offset, (int) value));
    }

    @Override
    long compareAndExchangeVolatile(long offset, long expected, long value) {
        return fromLane(Memory.compareAndExchangeShortVolatile(memory, offset, (int) expected, (int) value));
    }

    private static long fromLane(int raw) {
        return raw;
    }
}
