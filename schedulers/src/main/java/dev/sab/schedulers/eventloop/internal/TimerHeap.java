package dev.sab.schedulers.eventloop.internal;

import java.util.Arrays;

/**
 * libuv's timer min-heap ({@code src/heap-inl.h} with {@code timer_less_than}): ordered by due
 * time, then by start order, so timers due at the same millisecond fire in the order they were
 * started. An array-backed binary heap with each timer's index stored in the timer, for O(log n)
 * removal.
 *
 * <p>Called only on the loop thread.
 */
final class TimerHeap {
    private UvTimer[] heap = new UvTimer[16];
    private int size;

    UvTimer min() {
        return size == 0 ? null : heap[0];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(UvTimer t) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size << 1);
        }
        heap[size] = t;
        t.heapIndex = size;
        size++;
        siftUp(t.heapIndex);
    }

    void remove(UvTimer t) {
        int i = t.heapIndex;
        assert i >= 0 && heap[i] == t;
        size--;
        UvTimer last = heap[size];
        heap[size] = null;
        t.heapIndex = -1;
        if (i != size) {
            heap[i] = last;
            last.heapIndex = i;
            siftDown(i);
            siftUp(last.heapIndex);
        }
    }

    private static boolean less(UvTimer a, UvTimer b) {
        return a.due < b.due || (a.due == b.due && a.startId < b.startId);
    }

    private void siftUp(int i) {
        UvTimer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            UvTimer p = heap[parent];
            if (!less(t, p)) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = t;
        t.heapIndex = i;
    }

    private void siftDown(int i) {
        UvTimer t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(heap[right], heap[child])) {
                child = right;
            }
            if (!less(heap[child], t)) {
                break;
            }
            heap[i] = heap[child];
            heap[i].heapIndex = i;
            i = child;
        }
        heap[i] = t;
        t.heapIndex = i;
    }
}
