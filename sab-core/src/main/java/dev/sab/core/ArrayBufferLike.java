package dev.sab.core;

import dev.sab.core.internal.Memory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * What a typed view can look at: an {@link ArrayBuffer} or a {@link SharedArrayBuffer}
 * (TypeScript's name for the union).
 *
 * <p>A buffer owns one {@link MemorySegment}, its <em>reservation</em>, sized for its maximum
 * length (rounded up to 8 bytes) and never moved, so a view can hold on to it; growing a buffer
 * only raises its length. The segment comes from {@link Arena#ofAuto()}: a shared arena any thread
 * may access, whose memory the garbage collector frees once no buffer or view reaches it. A
 * memory-mapped {@code SharedArrayBuffer} uses the mapping instead.
 *
 * <p>Invariant: every byte of the reservation at or beyond {@link #byteLength()} is zero, so
 * growing never has to clear memory that a view could already see.
 */
public abstract sealed class ArrayBufferLike permits ArrayBuffer, SharedArrayBuffer {

    /** The reservation: at least {@link #maxByteLength()} bytes, 8-byte aligned. */
    final MemorySegment memory;

    ArrayBufferLike(MemorySegment memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
        assert memory.address() % Memory.RESERVATION_ALIGNMENT == 0 : "reservation must be 8-byte aligned";
    }

    /** A zeroed reservation for a buffer that may grow to {@code maxByteLength}. */
    static MemorySegment reserve(int maxByteLength) {
        return Arena.ofAuto().allocate(Memory.reservationSize(maxByteLength), Memory.RESERVATION_ALIGNMENT);
    }

    /** The length in bytes now; 0 once an {@code ArrayBuffer} is detached. */
    public abstract int byteLength();

    /**
     * Whether the buffer can grow: ECMAScript's {@code growable} on a {@code SharedArrayBuffer},
     * {@code resizable} on an {@code ArrayBuffer}.
     */
    public abstract boolean growable();

    /** The most bytes the buffer can grow to; equal to {@link #byteLength()} when it cannot grow. */
    public abstract int maxByteLength();

    /**
     * Grows the buffer to {@code newByteLength} bytes; the new bytes read as zero.
     *
     * @throws UnsupportedOperationException if the buffer is not growable
     * @throws IllegalArgumentException if {@code newByteLength} is below the current length or
     *     above {@link #maxByteLength()}
     */
    public abstract void grow(int newByteLength);

    /**
     * A copy of bytes {@code start} (inclusive) to {@code end} (exclusive), as a new buffer of the
     * same kind with a fixed length. Negative positions count from the end and positions are
     * clamped to {@code [0, byteLength()]}, as in ECMAScript; an empty range gives an empty buffer.
     */
    public abstract ArrayBufferLike slice(int start, int end);

    /** {@code slice(start, byteLength())}. */
    public abstract ArrayBufferLike slice(int start);

    /** Whether this is a {@link SharedArrayBuffer}: only those support {@code Atomics.wait}. */
    public abstract boolean shared();

    /** Whether the buffer was detached by {@code ArrayBuffer.transfer}; never for shared ones. */
    public boolean detached() {
        return false;
    }

    /** ECMAScript's relative-index clamping for slice: negative counts from the end. */
    static int clampRelative(int position, int length) {
        return position < 0 ? Math.max(length + position, 0) : Math.min(position, length);
    }

    /** Copies {@code [first, first + count)} of this buffer's bytes to the start of {@code target}. */
    final void copyTo(MemorySegment target, int first, int count) {
        MemorySegment.copy(memory, first, target, 0, count);
    }

    static void checkLengths(int byteLength, int maxByteLength) {
        if (byteLength < 0) {
            throw new IllegalArgumentException("byteLength must be 0 or more, got " + byteLength);
        }
        if (maxByteLength < byteLength) {
            throw new IllegalArgumentException("byteLength " + byteLength + " exceeds maxByteLength " + maxByteLength);
        }
    }
}
