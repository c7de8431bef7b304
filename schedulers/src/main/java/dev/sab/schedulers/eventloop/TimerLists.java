package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.UvTimer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Node's JavaScript timers ({@code lib/internal/timers.js}), on top of one libuv timer.
 *
 * <h2>Structure</h2>
 * Timers of the same duration share a linked list, appended in insertion order: all timers in a
 * list have the same delay, so each list is sorted by due time for free, and insert and remove
 * are O(1). The lists sit in a binary heap ordered by the list's expiry and then its id (a
 * counter renewed whenever a list is rescheduled). One libuv timer is armed for the earliest
 * expiry; its callback, {@link #processTimers}, runs every list that has expired.
 *
 * <p>The order that results is "due time, then insertion" in all ordinary cases, and Node's own
 * order in the odd ones: a list rescheduled after running takes a new id, so it yields to a list
 * of another duration that expires at the same millisecond and was created in between, even if
 * its timer was inserted first. A single heap of timers keyed by (due, insertion) would run that
 * timer first; Node does not, and neither does this.
 *
 * <h2>Time</h2>
 * Times are the loop's cached milliseconds, refreshed on every insert (Node's
 * {@code getLibuvNow()}), so a delay counts from the call, truncated to the millisecond, and a
 * 1 ms timer may run up to 1 ms early by the wall clock, as in Node.
 *
 * <p>Called only on the loop thread.
 */
final class TimerLists {

    /** A list of timers of one duration (Node's TimersList). */
    static final class TimersList {
        final int msecs;
        long expiry;
        long id;
        int position = -1; // in the heap
        Timeout head;
        Timeout tail;

        TimersList(long expiry, int msecs, long id) {
            this.expiry = expiry;
            this.msecs = msecs;
            this.id = id;
        }

        boolean isEmpty() {
            return head == null;
        }

        void append(Timeout t) {
            if (t.list != null) {
                t.list.remove(t);
            }
            t.list = this;
            t.idlePrev = tail;
            t.idleNext = null;
            if (tail == null) {
                head = t;
            } else {
                tail.idleNext = t;
            }
            tail = t;
        }

        void remove(Timeout t) {
            assert t.list == this;
            if (t.idlePrev != null) {
                t.idlePrev.idleNext = t.idleNext;
            } else {
                head = t.idleNext;
            }
            if (t.idleNext != null) {
                t.idleNext.idlePrev = t.idlePrev;
            } else {
                tail = t.idlePrev;
            }
            t.idleNext = null;
            t.idlePrev = null;
            t.list = null;
        }
    }

    private final EventLoop loop;
    private final UvTimer handle; // Node's Environment::timer_handle
    private final Map<Integer, TimersList> timerListMap = new HashMap<>();
    private TimersList[] queue = new TimersList[16]; // binary heap of lists, 1-based as Node's PriorityQueue
    private int queueSize;
    private long timerListId = Long.MIN_VALUE;
    private long nextExpiry = Long.MAX_VALUE; // Infinity
    private int refCount;

    TimerLists(EventLoop loop) {
        this.loop = loop;
        this.handle = new UvTimer(loop.uv, this::runTimers);
        this.handle.unref(); // Node: the timer handle is unref'd until a ref'd timer exists
    }

    // ------------------------------------------------------------------ insertion and removal

    /** Node's {@code insertGuarded}: (re)inserts {@code t} and fixes the ref count. */
    void insertGuarded(Timeout t, boolean refed) {
        if (t.idleTimeout < 0) {
            return;
        }
        insert(t, t.idleTimeout, getLibuvNow());
        boolean wasDestroyed = t.destroyed;
        t.destroyed = false;
        if (wasDestroyed) {
            if (refed) {
                incRefCount();
            }
        } else if (refed != t.refed) {
            if (refed) {
                incRefCount();
            } else {
                decRefCount();
            }
        }
        t.refed = refed;
    }

    /** Node's {@code insert}: appends to the list of its duration, creating and scheduling the list if new. */
    void insert(Timeout t, int msecs, long start) {
        t.idleStart = start;
        TimersList list = timerListMap.get(msecs);
        if (list == null) {
            long expiry = start + msecs;
            list = new TimersList(expiry, msecs, timerListId++);
            timerListMap.put(msecs, list);
            queueInsert(list);
            if (nextExpiry > expiry) {
                scheduleTimer(msecs);
                nextExpiry = expiry;
            }
        }
        list.append(t);
    }

    /** Node's {@code unenroll} (clearTimeout, clearInterval). */
    void unenroll(Timeout t) {
        if (t.destroyed) {
            return;
        }
        t.destroyed = true;
        if (t.list != null) {
            t.list.remove(t);
        }
        if (t.refed) {
            TimersList list = timerListMap.get(t.idleTimeout);
            if (list != null && list.isEmpty()) {
                queueRemoveAt(list.position);
                timerListMap.remove(list.msecs);
            }
            decRefCount();
        }
        t.idleTimeout = -1;
    }

    void incRefCount() {
        if (refCount++ == 0) {
            handle.ref(); // toggleTimerRef(true)
        }
    }

    void decRefCount() {
        if (--refCount == 0) {
            handle.unref(); // toggleTimerRef(false)
        }
    }

    private long getLibuvNow() {
        loop.uv.updateTime(); // Environment::GetNowUint64 updates libuv's time first
        return loop.uv.now();
    }

    private void scheduleTimer(long durationMs) {
        handle.start(durationMs, 0);
    }

    // ------------------------------------------------------------------ the timers phase

    /**
     * Environment::RunTimers: the libuv timer's callback. A timer that throws is reported and
     * processTimers is called again with the same time, so the remaining due timers still run (with
     * no drain in between, as in Node).
     */
    private void runTimers() {
        long now = getLibuvNow();
        long ret;
        while (true) {
            try {
                ret = processTimers(now);
                break;
            } catch (CallbackScope.LoopAbort abort) {
                throw abort;
            } catch (Throwable t) {
                loop.scope.uncaught(t);
            }
        }
        if (ret != 0) {
            long duration = Math.abs(ret) - loop.uv.now();
            scheduleTimer(duration > 0 ? duration : 1);
            if (ret > 0) {
                handle.ref();
            } else {
                handle.unref();
            }
        } else {
            handle.unref();
        }
        loop.scope.drainReporting(); // the callback scope closes: ticks and microtasks of the last timer
    }

    /** Node's {@code processTimers}: returns the next expiry (negative when no ref'd timer remains), or 0. */
    private long processTimers(long now) {
        nextExpiry = Long.MAX_VALUE;
        boolean ranAtLeastOneList = false;
        TimersList list;
        while ((list = queuePeek()) != null) {
            if (list.expiry > now) {
                nextExpiry = list.expiry;
                return refCount > 0 ? nextExpiry : -nextExpiry;
            }
            if (ranAtLeastOneList) {
                loop.queues.drain(); // runNextTicks()
            } else {
                ranAtLeastOneList = true;
            }
            listOnTimeout(list, now);
        }
        return 0;
    }

    private void listOnTimeout(TimersList list, long now) {
        int msecs = list.msecs;
        boolean ranAtLeastOneTimer = false;
        Timeout timer;
        while ((timer = list.head) != null) {
            long diff = now - timer.idleStart;
            if (diff < msecs) { // the rest of this list is not due yet
                list.expiry = Math.max(timer.idleStart + msecs, now + 1);
                list.id = timerListId++;
                queuePercolateDown(1);
                return;
            }
            if (ranAtLeastOneTimer) {
                loop.queues.drain(); // runNextTicks()
            } else {
                ranAtLeastOneTimer = true;
            }
            list.remove(timer);
            if (timer.onTimeout == null) { // cleared: nothing to run
                if (!timer.destroyed) {
                    timer.destroyed = true;
                    if (timer.refed) {
                        refCount--;
                    }
                }
                continue;
            }
            long start = timer.repeat > 0 ? getLibuvNow() : 0;
            try {
                loop.scope.runCallback(Phase.TIMERS, timer.onTimeout, timer);
            } finally {
                if (timer.repeat > 0 && timer.idleTimeout != -1) {
                    timer.idleTimeout = timer.repeat;
                    insert(timer, timer.idleTimeout, start);
                } else if (timer.list == null && !timer.destroyed) {
                    timer.destroyed = true;
                    if (timer.refed) {
                        refCount--; // Node decrements without toggling; the return value re-refs the handle
                    }
                }
            }
        }
        if (timerListMap.get(msecs) == list) {
            timerListMap.remove(msecs);
            queueShift();
        }
    }

    // ------------------------------------------------------------------ Node's PriorityQueue of lists

    private static boolean before(TimersList a, TimersList b) {
        return a.expiry < b.expiry || (a.expiry == b.expiry && a.id < b.id);
    }

    private TimersList queuePeek() {
        return queueSize == 0 ? null : queue[1];
    }

    private void queueInsert(TimersList list) {
        if (++queueSize == queue.length) {
            queue = Arrays.copyOf(queue, queue.length * 2);
        }
        queue[queueSize] = list;
        percolateUp(queueSize);
    }

    private void queueShift() {
        if (queueSize > 0) {
            queueRemoveAt(1);
        }
    }

    private void queueRemoveAt(int pos) {
        TimersList removed = queue[pos];
        TimersList last = queue[queueSize];
        queue[queueSize] = null;
        queueSize--;
        removed.position = -1;
        if (pos <= queueSize) {
            queue[pos] = last;
            last.position = pos;
            if (pos == 1 || before(queue[pos / 2], last)) {
                queuePercolateDown(pos);
            } else {
                percolateUp(pos);
            }
        }
    }

    private void queuePercolateDown(int pos) {
        TimersList item = queue[pos];
        int size = queueSize;
        int half = size >>> 1;
        while (pos <= half) {
            int child = pos << 1;
            int right = child + 1;
            if (right <= size && before(queue[right], queue[child])) {
                child = right;
            }
            if (!before(queue[child], item)) {
                break;
            }
            queue[pos] = queue[child];
            queue[pos].position = pos;
            pos = child;
        }
        queue[pos] = item;
        item.position = pos;
    }

    private void percolateUp(int pos) {
        TimersList item = queue[pos];
        while (pos > 1) {
            TimersList parent = queue[pos / 2];
            if (!before(item, parent)) {
                break;
            }
            queue[pos] = parent;
            parent.position = pos;
            pos /= 2;
        }
        queue[pos] = item;
        item.position = pos;
    }

    /** Pending lists, for tests and metrics. */
    int listCount() {
        return queueSize;
    }

    int refCount() {
        return refCount;
    }
}
