package dev.sab.core;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * ECMAScript's {@code %TypedArray%}: a view of a buffer as elements of one numeric kind. The
 * integer kinds are {@link IntegerTypedArray}s (and the only ones {@link Atomics} accepts); the
 * float kinds are {@link Float32Array} and {@link Float64Array}.
 *
 * <p>Bounds. A view made with a length covers exactly that many elements. A view made without one
 * over a growable buffer <em>tracks</em> the buffer: its length is whatever fits after
 * {@link #byteOffset()} now. A view made without one over a fixed buffer covers the rest of the
 * buffer. A view whose range no longer fits (its resizable {@code ArrayBuffer} shrank) is out of
 * bounds: its length is 0. A view of a detached {@code ArrayBuffer} has length 0 and every
 * element access throws {@link IllegalStateException}.
 *
 * <p>Construction errors (ECMAScript's RangeErrors): a byte offset that is negative or not a
 * multiple of the element size, a negative length, or a fixed buffer whose length after the
 * offset is not a multiple of the element size, throw {@link IllegalArgumentException}; a range
 * past the end of the buffer throws {@link IndexOutOfBoundsException}.
 *
 * <p>Element access ({@code get}, {@code set}) is ECMAScript's Unordered access: plain Java reads
 * and writes, which may be reordered and hoisted out of loops. Use {@link Atomics} to communicate
 * between threads. Unlike JavaScript, where an out-of-range read gives {@code undefined} and an
 * out-of-range write does nothing, an out-of-range index throws {@link IndexOutOfBoundsException}.
 *
 * <p>Thread-safe to share between threads when the buffer is a {@link SharedArrayBuffer}: the view
 * itself is immutable.
 */
public abstract sealed class TypedArray permits IntegerTypedArray, Float32Array, Float64Array {

    private static final int TRACKING = -1;

    final ArrayBufferLike buffer;
    /** The buffer's reservation; element {@code i} lives at {@code byteOffset + (i << shift)}. */
    final MemorySegment memory;
    private final long byteOffset;
    private final int shift;
    /** The element count of a fixed-length view, or {@link #TRACKING}. */
    private final int fixedLength;
    /** True only when the bounds can never change: a fixed-length view of a fixed SharedArrayBuffer. */
    private final boolean constantBounds;

    /** A view of {@code buffer}; {@code lengthGiven} false means ECMAScript's {@code length} undefined. */
    TypedArray(ArrayBufferLike buffer, int byteOffset, int length, boolean lengthGiven, int shift) {
        Objects.requireNonNull(buffer, "buffer");
        this.buffer = buffer;
        this.memory = buffer.memory;
        this.shift = shift;
        int elementSize = 1 << shift;
        String kind = getClass().getSimpleName();
        if (byteOffset < 0 || (byteOffset & (elementSize - 1)) != 0) {
            throw new IllegalArgumentException(
                    "byteOffset " + byteOffset + " of " + kind + " must be a non-negative multiple of " + elementSize);
        }
        if (lengthGiven && length < 0) {
            throw new IllegalArgumentException("length of " + kind + " must be 0 or more, got " + length);
        }
        if (buffer.detached()) {
            throw new IllegalStateException("cannot view a detached ArrayBuffer");
        }
        int bufferLength = buffer.byteLength();
        this.byteOffset = byteOffset;
        if (lengthGiven) {
            long end = byteOffset + ((long) length << shift);
            if (end > bufferLength) {
                throw new IndexOutOfBoundsException(kind + " of length " + length + " at byteOffset " + byteOffset
                        + " ends at byte " + end + ", past the end of a buffer of byteLength " + bufferLength);
            }
            this.fixedLength = length;
        } else if (byteOffset > bufferLength) {
            throw new IndexOutOfBoundsException(
                    "byteOffset " + byteOffset + " of " + kind + " is past the end of a buffer of byteLength " + bufferLength);
        } else if (buffer.growable()) {
            this.fixedLength = TRACKING;
        } else {
            if (((bufferLength - byteOffset) & (elementSize - 1)) != 0) {
                throw new IllegalArgumentException("byteLength " + bufferLength + " of the buffer minus byteOffset "
                        + byteOffset + " must be a multiple of " + elementSize + " for " + kind);
            }
            this.fixedLength = (bufferLength - byteOffset) >> shift;
        }
        this.constantBounds = buffer instanceof SharedArrayBuffer && !buffer.growable();
    }

    /** A view of a new, non-shared {@link ArrayBuffer} of {@code length} zero elements. */
    static ArrayBuffer ownBuffer(int length, int shift) {
        if (length < 0 || ((long) length << shift) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("length must be in [0, " + (Integer.MAX_VALUE >> shift) + "], got " + length);
        }
        return new ArrayBuffer(length << shift);
    }

    /** The number of elements now: fixed, tracking a growable buffer, or 0 when out of bounds or detached. */
    public final int length() {
        if (constantBounds) {
            return fixedLength;
        }
        return currentLength();
    }

    /** The offset in the buffer of element 0; 0 when the view is out of bounds, as in ECMAScript. */
    public final int byteOffset() {
        if (!constantBounds && isOutOfBounds()) {
            return 0;
        }
        return (int) byteOffset;
    }

    /** {@code length() * bytesPerElement()}. */
    public final int byteLength() {
        return length() << shift;
    }

    /** ECMAScript's {@code BYTES_PER_ELEMENT}. */
    public final int bytesPerElement() {
        return 1 << shift;
    }

    /** The buffer this view looks at. */
    public ArrayBufferLike buffer() {
        return buffer;
    }

    /**
     * Whether this view tracks the length of a growable buffer (made without a length).
     */
    public final boolean lengthTracking() {
        return fixedLength == TRACKING;
    }

    private boolean isOutOfBounds() {
        if (buffer.detached()) {
            return true;
        }
        int bufferLength = buffer.byteLength();
        return fixedLength == TRACKING
                ? byteOffset > bufferLength
                : byteOffset + ((long) fixedLength << shift) > bufferLength;
    }

    private int currentLength() {
        int bufferLength = buffer.byteLength(); // volatile for a SharedArrayBuffer: pairs with grow's CAS
        if (fixedLength == TRACKING) {
            return byteOffset > bufferLength ? 0 : (int) ((bufferLength - byteOffset) >> shift);
        }
        return byteOffset + ((long) fixedLength << shift) > bufferLength ? 0 : fixedLength;
    }

    /**
     * The byte offset in {@link #memory} of element {@code index}, after checking it: the
     * validation that every element access and every {@code Atomics} operation starts with.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
     * @throws IllegalStateException if the buffer is detached
     */
    final long elementOffset(int index) {
        int length;
        if (constantBounds) {
            length = fixedLength;
        } else {
            if (buffer.detached()) {
                throw new IllegalStateException(getClass().getSimpleName() + " views a detached ArrayBuffer");
            }
            length = currentLength();
        }
        return byteOffset + ((long) Objects.checkIndex(index, length) << shift);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[length=" + length() + ", byteOffset=" + byteOffset() + ", "
                + buffer + (lengthTracking() ? ", length-tracking" : "") + "]";
    }
}
