package dev.sab.core;

import java.lang.foreign.MemorySegment;

/**
 * ECMAScript's {@code ArrayBuffer}: bytes that belong to one agent at a time. A worker receives
 * one by copy, or by {@link #transfer()}, which moves the bytes to a new buffer and detaches this
 * one; it is never shared, so {@link Atomics} work on it but {@code Atomics.wait} refuses it and
 * {@code Atomics.notify} wakes nobody.
 *
 * <p>A growable ({@code resizable} in ECMAScript) buffer reserves its maximum length up front and
 * can {@link #resize} down as well as up; {@link #grow} is the grow-only form, the same shape as
 * on {@link SharedArrayBuffer}.
 *
 * <p>Not thread-safe: like ECMAScript's, an {@code ArrayBuffer} is used by one agent at a time.
 * Handing it to another thread needs a happens-before edge (a queue, a message port), which is
 * what {@code postMessage} provides.
 */
public final class ArrayBuffer extends ArrayBufferLike {

    private final boolean growable;
    private final int maxByteLength;
    private int byteLength;
    private boolean detached;

    /**
     * A fixed-length buffer of {@code byteLength} zero bytes.
     *
     * @throws IllegalArgumentException if {@code byteLength} is negative
     */
    public ArrayBuffer(int byteLength) {
        this(checked(byteLength, byteLength), byteLength, byteLength, false);
    }

    private ArrayBuffer(MemorySegment memory, int byteLength, int maxByteLength, boolean growable) {
        super(memory);
        this.byteLength = byteLength;
        this.maxByteLength = maxByteLength;
        this.growable = growable;
    }

    private static MemorySegment checked(int byteLength, int maxByteLength) {
        checkLengths(byteLength, maxByteLength);
        return reserve(maxByteLength);
    }

    /**
     * A resizable buffer, ECMAScript's {@code new ArrayBuffer(byteLength, {maxByteLength})}.
     *
     * @throws IllegalArgumentException if {@code byteLength} is negative or above {@code maxByteLength}
     */
    public static ArrayBuffer growable(int byteLength, int maxByteLength) {
        return new ArrayBuffer(checked(byteLength, maxByteLength), byteLength, maxByteLength, true);
    }

    /** The current length; 0 once detached. */
    @Override
    public int byteLength() {
        return byteLength;
    }

    @Override
    public boolean growable() {
        return growable;
    }

    /** The most bytes the buffer can grow to; 0 once detached, as in ECMAScript. */
    @Override
    public int maxByteLength() {
        return detached ? 0 : growable ? maxByteLength : byteLength;
    }

    @Override
    public void grow(int newByteLength) {
        checkUsable("grow");
        if (newByteLength < byteLength) {
            throw new IllegalArgumentException("newByteLength " + newByteLength + " is less than the current byteLength "
                    + byteLength + " (grow cannot shrink; resize can)");
        }
        resize(newByteLength);
    }

    /**
     * ECMAScript's {@code ArrayBuffer.prototype.resize}: sets the length, shrinking or growing.
     * Bytes dropped by a shrink are zeroed, so they read as zero if the buffer grows back.
     *
     * @throws UnsupportedOperationException if the buffer is not growable
     * @throws IllegalArgumentException if {@code newByteLength} is outside {@code [0, maxByteLength()]}
     * @throws IllegalStateException if the buffer is detached
     */
    public void resize(int newByteLength) {
        checkUsable("resize");
        if (!growable) {
            throw new UnsupportedOperationException("this ArrayBuffer is not resizable (made without a maxByteLength)");
        }
        if (newByteLength < 0 || newByteLength > maxByteLength) {
            throw new IllegalArgumentException(
                    "newByteLength " + newByteLength + " is outside [0, maxByteLength " + maxByteLength + "]");
        }
        if (newByteLength < byteLength) {
            memory.asSlice(newByteLength, byteLength - newByteLength).fill((byte) 0);
        }
        byteLength = newByteLength;
    }

    @Override
    public ArrayBuffer slice(int start, int end) {
        checkUsable("slice");
        int first = clampRelative(start, byteLength);
        int count = Math.max(clampRelative(end, byteLength) - first, 0);
        ArrayBuffer copy = new ArrayBuffer(count);
        copyTo(copy.memory, first, count);
        return copy;
    }

    @Override
    public ArrayBuffer slice(int start) {
        return slice(start, byteLength);
    }

    /**
     * ECMAScript's {@code transfer()}: a new buffer with these bytes, the same length and the same
     * growability; this buffer is detached (length 0, and its views refuse every access). The
     * bytes move without a copy: the new buffer takes over the reservation.
     *
     * @throws IllegalStateException if the buffer is already detached
     */
    public ArrayBuffer transfer() {
        return transfer(byteLength, growable);
    }

    /**
     * ECMAScript's {@code transfer(newLength)}: as {@link #transfer()}, with the new buffer's
     * length set to {@code newByteLength} (truncated, or extended with zeros). Without a copy when
     * the reservation is large enough.
     *
     * @throws IllegalArgumentException if {@code newByteLength} is negative, or above
     *     {@link #maxByteLength()} for a growable buffer
     */
    public ArrayBuffer transfer(int newByteLength) {
        return transfer(newByteLength, growable);
    }

    /** ECMAScript's {@code transferToFixedLength()}: as {@link #transfer()}, but never growable. */
    public ArrayBuffer transferToFixedLength() {
        return transfer(byteLength, false);
    }

    private ArrayBuffer transfer(int newByteLength, boolean keepGrowable) {
        checkUsable("transfer");
        if (newByteLength < 0 || (keepGrowable && newByteLength > maxByteLength)) {
            throw new IllegalArgumentException("newByteLength " + newByteLength + " is outside [0, "
                    + (keepGrowable ? "maxByteLength " + maxByteLength : "2^31-1") + "]");
        }
        int newMax = keepGrowable ? maxByteLength : newByteLength;
        ArrayBuffer moved;
        if (newMax <= memory.byteSize()) {
            if (newByteLength < byteLength) {
                memory.asSlice(newByteLength, byteLength - newByteLength).fill((byte) 0); // keep the zero invariant
            }
            moved = new ArrayBuffer(memory, newByteLength, newMax, keepGrowable);
        } else {
            moved = new ArrayBuffer(reserve(newMax), newByteLength, newMax, keepGrowable);
            copyTo(moved.memory, 0, Math.min(byteLength, newByteLength));
        }
        detached = true;
        byteLength = 0;
        return moved;
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public boolean detached() {
        return detached;
    }

    private void checkUsable(String operation) {
        if (detached) {
            throw new IllegalStateException("cannot " + operation + " a detached ArrayBuffer (it was transferred)");
        }
    }

    @Override
    public String toString() {
        return detached ? "ArrayBuffer[detached]"
                : "ArrayBuffer[byteLength=" + byteLength + (growable ? ", maxByteLength=" + maxByteLength : "") + "]";
    }
}
