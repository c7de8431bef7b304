package dev.sab.core;

import dev.sab.core.internal.Futex;
import dev.sab.core.internal.FutexWaits;
import dev.sab.core.internal.InProcessWaits;
import dev.sab.core.internal.Memory;
import dev.sab.core.internal.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

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
 * <p>A mapped buffer ({@link #map}) lives in a file mapped into memory, so several JVM processes
 * share it; {@link #waitMechanism()} says how {@code Atomics.wait} and {@code notify} reach across.
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

    /**
     * A fixed-length buffer backed by the first {@code byteLength} bytes of {@code file}, mapped
     * into memory, so that every process that maps the same file shares the bytes, and the
     * {@link Atomics}, {@link Lock}s and {@link Latch}es built on them. The file is created if
     * absent and extended with zeros (to {@code byteLength} rounded up to a multiple of 8) if
     * shorter; its other bytes are left alone. The mapping lives as long as the buffer is reachable.
     *
     * <p>Wait and notify across processes: on Linux with native access enabled (sab's launcher and
     * tests pass {@code --enable-native-access=ALL-UNNAMED}), through the futex system call
     * ({@link #waitMechanism()} {@code "futex"}); otherwise by polling the element
     * ({@code "polling"}): waiters spin, then sleep in slices of at most 1 ms, and a changed
     * element ends a wait with {@code ok}. Setting {@code -Dsab.core.futex=false} forces polling.
     *
     * @throws IllegalArgumentException if {@code byteLength} is negative
     * @throws UncheckedIOException if the file cannot be opened, extended or mapped
     */
    public static SharedArrayBuffer map(Path file, int byteLength) {
        return map(file, byteLength, Futex.AVAILABLE);
    }

    /** {@link #map(Path, int)}, choosing futex or polling waits; polling for the tests of that path. */
    static SharedArrayBuffer map(Path file, int byteLength, boolean futex) {
        Objects.requireNonNull(file, "file");
        checkLengths(byteLength, byteLength);
        MemorySegment memory;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, Memory.reservationSize(byteLength), Arena.ofAuto());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file + " (" + byteLength + " bytes): " + e.getMessage(), e);
        }
        Waits waits = futex && Futex.AVAILABLE ? new FutexWaits()
                : InProcessWaits.polling(futex ? Futex.UNAVAILABLE_REASON : "polling requested");
        return new SharedArrayBuffer(memory, byteLength, byteLength, false, waits);
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
     * (waiter lists in this JVM, exactly the specification's algorithm) for an ordinary buffer;
     * for a {@linkplain #map mapped} one {@code "futex"} (the kernel's futex queue, shared between
     * processes) or {@code "polling"} (waiter lists in this JVM that also watch the element for
     * changes made by other processes; {@code notify} counts only this JVM's waiters).
     */
    public String waitMechanism() {
        return waits.mechanism();
    }

    @Override
    public String toString() {
        String pollingReason = waits instanceof InProcessWaits local ? local.pollingReason() : "";
        return "SharedArrayBuffer[byteLength=" + byteLength + (growable ? ", maxByteLength=" + maxByteLength : "")
                + (waits.mechanism().equals("in-process") ? "" : ", waits=" + waits.mechanism())
                + (pollingReason.isEmpty() ? "" : " (" + pollingReason + ")") + "]";
    }
}
