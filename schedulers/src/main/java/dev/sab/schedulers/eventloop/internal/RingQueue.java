package dev.sab.schedulers.eventloop.internal;

import java.util.Arrays;

/**
 * A growable FIFO ring buffer for one thread: the shape of V8's microtask queue and of Node's
 * nextTick queue ({@code internal/fixed_queue.js}), both touched only by the thread that runs the
 * loop. No locking, no per-element allocation: a push is a store and an index bump, which is what
 * keeps a promise hop in the tens of nanoseconds.
 *
 * <p>Called only on the loop thread (not checked here: the loop checks once at its API surface).
 *
 * @param <E> element type
 */
public final class RingQueue<E> {
    private static final int INITIAL_CAPACITY = 256; // a power of two; grows by doubling
    private Object[] elements = new Object[INITIAL_CAPACITY];
    private int head; // index of the oldest element
    private int tail; // index of the next free slot
    private int mask = INITIAL_CAPACITY - 1;

    /** Appends {@code e}. */
    public void push(E e) {
        elements[tail] = e;
        tail = (tail + 1) & mask;
        if (tail == head) {
            grow();
        }
    }

    /** Removes and returns the oldest element, or null when empty. */
    @SuppressWarnings("unchecked")
    public E poll() {
        if (head == tail) {
            return null;
        }
        E e = (E) elements[head];
        elements[head] = null;
        head = (head + 1) & mask;
        return e;
    }

    public boolean isEmpty() {
        return head == tail;
    }

    public int size() {
        return (tail - head) & mask;
    }

    /** Drops every element. */
    public void clear() {
        Arrays.fill(elements, null);
        head = 0;
        tail = 0;
    }

    private void grow() {
        int n = elements.length;
        Object[] bigger = new Object[n << 1];
        int right = n - head; // elements from head to the end of the array
        System.arraycopy(elements, head, bigger, 0, right);
        System.arraycopy(elements, 0, bigger, right, head);
        elements = bigger;
        head = 0;
        tail = n;
        mask = bigger.length - 1;
    }
}
