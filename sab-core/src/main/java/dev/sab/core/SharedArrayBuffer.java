package dev.sab.core;

import dev.sab.core.internal.InProcessWaits;
import dev.sab.core.internal.Waits;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * ECMAScript's {@code SharedArrayBuffer}: bytes that several agents (threads, and with
 * {@link #map} processes) see at once. Read and write it through typed views; coordinate through
 * {@link Atomics}.
 *
 * <p>A growable buffer reserves its maximum length up front (as engines reserve address space)
 * and only ever raises its length, so views never see memory move. Unlike engines, which commit
 * pages lazily, the reservation is allocated and zeroed at once: a growable buffer costs its
 * maximum length in memory from the start.
 *
 * <p>Thread-safe: every method may be called from any thread. Concurrent {@link #grow} calls are
 * linearisable: each either raises the length or fails because another raised it beyond.
 */
public final class SharedArrayBuffer extends ArrayBufferLike {

    private static final VarHandle BYTE_LENGTH;

    static {
        try {
            BYTE_LENGTH = MethodHandles.lookup().findVarHandle(SharedArrayBuffer.class, "byteLength", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where {@code Atomics.wait} and {@code notify} on this buffer keep their waiters. */
    final Waits waits;
    private final boolean growable;
    private final int maxByteLength;
    /** Grows only. Written by CAS in {@link #grow} (volatile), read volatile by {@link #byteLength()}. */
    @SuppressWarnings("FieldMayBeFinal")
    private volatile int byteLength;

    /**
     * A fixed-length buffer of {@code byteLength} zero bytes.
     *
     * @throws IllegalArgumentException if {@code byteLength} is negative
     */
    public SharedArrayBuffer(int byteLength) {
        this(checked(byteLength, byteLength), byteLength, byteLength, false, new InProcessWaits());
    }

    private SharedArrayBuffer(MemorySegment memory, int byteLength, int maxByteLength, boolean growable, Waits waits) {
        super(memory);
        this.waits = waits;
        this.byteLength = byteLength;
        this.maxByteLength = maxByteLength;
        this.growable = growable;
    }

    private static MemorySegment checked(int byteLength, int maxByteLength) {
        checkLengths(byteLength, maxByteLength);
        return reserve(maxByteLength);
    }

    /**
     * A growable buffer, ECMAScript's {@code new SharedArrayBuffer(byteLength, {maxByteLength})}.
     *
     * @throws IllegalArgumentException if {@code byteLength} is negative or above {@code maxByteLength}
     */
    public static SharedArrayBuffer growable(int byteLength, int maxByteLength) {
        return new SharedArrayBuffer(checked(byteLength, maxByteLength), byteLength, maxByteLength, true,
                new InProcessWaits());
    }

    /** The current length; a volatile read that pairs with the CAS in {@link #grow}. */
    @Override
    public int byteLength() {
        return byteLength;
    }

    @Override
    public boolean growable() {
        return growable;
    }

    @Override
    public int maxByteLength() {
        return growable ? maxByteLength : byteLength;
    }

    /**
     * Grows the buffer; growing to the current length is allowed and does nothing, as in
     * ECMAScript. The new bytes were zeroed when the buffer was reserved.
     */
    @Override
    public void grow(int newByteLength) {
        if (!growable) {
            throw new UnsupportedOperationException("this SharedArrayBuffer is not growable (made without a maxByteLength)");
        }
        if (newByteLength > maxByteLength || newByteLength < 0) {
            throw new IllegalArgumentException(
                    "newByteLength " + newByteLength + " is outside [0, maxByteLength " + maxByteLength + "]");
        }
        int current = byteLength;
        while (true) {
            if (newByteLength < current) {
                throw new IllegalArgumentException(
                        "newByteLength " + newByteLength + " is less than the current byteLength " + current
                                + " (a SharedArrayBuffer cannot shrink)");
            }
            if (newByteLength == current) {
                return;
            }
            // volatile CAS: publishes the new length to views (pairs with the volatile read in byteLength())
            int witness = (int) BYTE_LENGTH.compareAndExchange(this, current, newByteLength);
            if (witness == current) {
                return;
            }
            current = witness;
        }
    }

    @Override
    public SharedArrayBuffer slice(int start, int end) {
        int length = byteLength;
        int first = clampRelative(start, length);
        int count = Math.max(clampRelative(end, length) - first, 0);
        SharedArrayBuffer copy = new SharedArrayBuffer(count);
        copyTo(copy.memory, first, count);
        return copy;
    }

    @Override
    public SharedArrayBuffer slice(int start) {
        return slice(start, byteLength);
    }

    @Override
    public boolean shared() {
        return true;
    }

    /**
     * How {@code Atomics.wait} and {@code notify} work on this buffer: {@code "in-process"}
     * (waiter lists in this JVM, the specification's algorithm) for an ordinary buffer.
     */
    public String waitMechanism() {
        return waits.mechanism();
    }

    @Override
    public String toString() {
        return "SharedArrayBuffer[byteLength=" + byteLength + (growable ? ", maxByteLength=" + maxByteLength : "") + "]";
    }
}
