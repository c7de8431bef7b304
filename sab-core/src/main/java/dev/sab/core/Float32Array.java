package dev.sab.core;

import dev.sab.core.internal.Memory;

/**
 * ECMAScript's {@code Float32Array}: a view of IEEE 754 binary32 numbers; a write rounds to the nearest float (ties to even), as ECMAScript's does. {@link Atomics} does not accept float views,
 * as in ECMAScript.
 *
 * <p>See {@link TypedArray} for bounds, errors and thread-safety.
 */
public final class Float32Array extends TypedArray {

    /** ECMAScript's {@code Float32Array.BYTES_PER_ELEMENT}. */
    public static final int BYTES_PER_ELEMENT = 4;

    private static final int SHIFT = 2;

    /** A view of all of {@code buffer}, tracking its length if it is growable. */
    public Float32Array(ArrayBufferLike buffer) {
        super(buffer, 0, 0, false, SHIFT);
    }

    /** A view of {@code buffer} from {@code byteOffset} to its end, tracking its length if it is growable. */
    public Float32Array(ArrayBufferLike buffer, int byteOffset) {
        super(buffer, byteOffset, 0, false, SHIFT);
    }

    /** A view of {@code length} elements of {@code buffer} from {@code byteOffset}. */
    public Float32Array(ArrayBufferLike buffer, int byteOffset, int length) {
        super(buffer, byteOffset, length, true, SHIFT);
    }

    /** A view of a new, non-shared {@link ArrayBuffer} of {@code length} zero elements. */
    public Float32Array(int length) {
        super(ownBuffer(length, SHIFT), 0, length, true, SHIFT);
    }

    /**
     * Element {@code index}. A plain (Unordered) read.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    public double get(int index) {
        return Memory.getFloatPlain(memory, elementOffset(index));
    }

    /**
     * Sets element {@code index}. A plain (Unordered) write.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     */
    public void set(int index, double value) {
        Memory.setFloatPlain(memory, elementOffset(index), (float) value);
    }
}
