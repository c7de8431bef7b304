package dev.sab.schedulers.gmp;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The scheduler lock, shaped like Go's runtime mutex ({@code lock2} in lock_futex.go): try once,
 * then spin a little while the holder, which holds it for a few hundred nanoseconds at most, is
 * likely running on another core, then give the core away once, and only then sleep. Not
 * reentrant.
 *
 * <p>Why not {@link java.util.concurrent.locks.ReentrantLock}: it parks a thread that finds the
 * lock held after very little spinning, and the holder's unlock then has to wake it, a futex call
 * on each side. With a platform thread spawning goroutines (every spawn takes this lock to reach
 * the global queue) and Ms taking batches from that queue, those wake-ups took a third of the
 * spawning thread's time. Go's lock sleeps only after its spins, and so does this one.
 *
 * <p>The sleeping part is an {@link AbstractQueuedSynchronizer}: its state is 0 (free) or 1
 * (held), changed by CAS, with the owner recorded for {@link #isHeldByCurrentThread}. A goroutine
 * takes the lock only inside {@code Sched.execute}, where the JDK pins it to its carrier, so
 * when it sleeps its carrier sleeps, as an M does in Go.
 */
final class SchedLock {
    static final int ACTIVE_SPIN = 4;        // Go: active_spin = 4 (lock_futex.go)
    static final int ACTIVE_SPIN_CNT = 30;   // Go: active_spin_cnt = 30, procyield(30) between tries
    static final int PASSIVE_SPIN = 1;       // Go: passive_spin = 1, osyield() between tries
    private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1; // Go: spin only if ncpu > 1

    private final Sync sync = new Sync();

    private static final class Sync extends AbstractQueuedSynchronizer {
        @Override
        protected boolean tryAcquire(int ignored) {
            if (getState() == 0 && compareAndSetState(0, 1)) { // CAS: pairs with the release in tryRelease
                setExclusiveOwnerThread(Thread.currentThread());
                return true;
            }
            return false;
        }

        @Override
        protected boolean tryRelease(int ignored) {
            setExclusiveOwnerThread(null);
            setState(0); // volatile write: publishes the critical section to the next acquirer's CAS
            return true;
        }

        @Override
        protected boolean isHeldExclusively() {
            return getExclusiveOwnerThread() == Thread.currentThread();
        }

        boolean isFree() {
            return getState() == 0;
        }
    }

    /** Takes the lock: one try, Go's spins, then sleep. The calling thread must not hold it. */
    void lock() {
        assert !isHeldByCurrentThread() : "the scheduler lock is not reentrant";
        if (sync.tryAcquire(1)) {
            return;
        }
        if (MULTICORE) {
            for (int i = 0; i < ACTIVE_SPIN; i++) {
                for (int j = 0; j < ACTIVE_SPIN_CNT; j++) {
                    Thread.onSpinWait(); // Go: procyield, the PAUSE instruction
                }
                if (sync.isFree() && sync.tryAcquire(1)) {
                    return;
                }
            }
        }
        if (!Thread.currentThread().isVirtual()) { // a goroutine here is pinned: it cannot yield
            for (int i = 0; i < PASSIVE_SPIN; i++) {
                Thread.yield(); // Go: osyield
                if (sync.isFree() && sync.tryAcquire(1)) {
                    return;
                }
            }
        }
        sync.acquire(1); // Go: futexsleep until an unlock wakes it
    }

    /** Releases the lock, waking a sleeper if there is one. Called only by the holder. */
    void unlock() {
        sync.release(1);
    }

    boolean isHeldByCurrentThread() {
        return sync.isHeldExclusively();
    }
}
