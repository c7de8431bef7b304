package dev.sab.harness.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * The few words a trial process and the process that watches its memory share: which phase the
 * trial is in, the watcher's acknowledgement of the baseline, and how many tasks are alive. For a
 * forked trial it is a small memory-mapped file both processes map; for an in-process trial a
 * plain off-heap segment. Either way the watcher reads the task count at the same instant it reads
 * the resident set, with no message in between.
 *
 * <h2>The protocol</h2>
 * <ol>
 *   <li>The trial starts in phase {@link #STARTING}.</li>
 *   <li>It sets up the first iteration's workload (see {@link dev.sab.harness.TrialRunner} for why
 *       the first), collects garbage, enters {@link #BASELINE} and waits for the watcher's
 *       acknowledgement (at most {@link #ACK_TIMEOUT_NANOS}; a watcher that never answers costs
 *       the memory figure, never the trial).</li>
 *   <li>The watcher waits until the resident set stops shrinking (the collector gives memory back
 *       concurrently), takes it as the baseline, resets the high-water mark, and acknowledges.</li>
 *   <li>The trial enters {@link #SAMPLING} and runs the iteration, counting tasks alive; the
 *       watcher samples the resident set and the count together.</li>
 *   <li>The trial enters {@link #SAMPLED} (also when it fails early); the watcher reads the
 *       high-water mark and stops.</li>
 * </ol>
 *
 * <p>Tasks alive are counted on {@value #STRIPES} stripes, each on its own cache line, chosen by
 * the counting thread's id: a shared-memory {@code LongAdder}, so that counting does not become the
 * contended cache line of a fast workload. The watcher sums the stripes; the sum is a moment's
 * snapshot, exact whenever no task starts or ends while it is read.
 */
public final class TrialChannel {
    public static final long STARTING = 0;
    public static final long BASELINE = 1;
    public static final long SAMPLING = 2;
    public static final long SAMPLED = 3;

    /** Bytes of the shared region: two header lines and the stripes. */
    public static final long SIZE = 64 * (2 + 16);
    private static final int STRIPES = 16;
    private static final long PHASE = 0;
    private static final long ACK = 8;
    private static final long WATCHED = 16;
    private static final long STRIPE_BASE = 128;
    private static final long LINE = 64; // a cache line on x86-64 and most arm64 parts
    private static final long ACK_TIMEOUT_NANOS = 30_000_000_000L;
    private static final long ACK_POLL_NANOS = 200_000;

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment words;

    private TrialChannel(MemorySegment words) {
        this.words = words;
    }

    /** A channel within this process, for {@code --no-fork}; its memory goes when the channel is unreachable. */
    public static TrialChannel inProcess() {
        return new TrialChannel(Arena.ofAuto().allocate(SIZE, LINE).fill((byte) 0));
    }

    /** A channel with no watcher: the trial never waits for an acknowledgement. */
    public static TrialChannel unwatched() {
        return inProcess();
    }

    /** Maps {@code file}, creating it zero-filled at {@link #SIZE} bytes if it is new. Both processes call this. */
    public static TrialChannel map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            // an automatic arena: the mapping (and with it the deleted file's storage) goes when the channel is unreachable
            return new TrialChannel(ch.map(FileChannel.MapMode.READ_WRITE, 0, SIZE, Arena.ofAuto()));
        }
    }

    // ---- the trial's side ----

    /** Called only by the trial's driving thread. */
    public void enter(long phase) {
        LONG.setRelease(words, PHASE, phase); // release: publishes the phase to the watcher (pairs with the acquire in phase())
    }

    /**
     * Waits until the watcher has acknowledged {@code phase}, or returns at once when nobody watches.
     * Called only by the trial's driving thread. Returns whether the acknowledgement came.
     */
    public boolean awaitAck(long phase) {
        long deadline = System.nanoTime() + ACK_TIMEOUT_NANOS;
        while (watched()) {
            if ((long) LONG.getAcquire(words, ACK) >= phase) { // acquire: pairs with the release in ack()
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(ACK_POLL_NANOS);
        }
        return false;
    }

    /** A task was spawned. Any thread. */
    public void taskSpawned() {
        LONG.getAndAdd(words, stripe(), 1L); // atomic add; the watcher's opaque reads see it eventually, which sampling needs
    }

    /** A task finished. Any thread. */
    public void taskEnded() {
        LONG.getAndAdd(words, stripe(), -1L);
    }

    // ---- the watcher's side ----

    /** Declares that a watcher will acknowledge the baseline. Called by the watcher before the trial starts. */
    public void watch() {
        LONG.setRelease(words, WATCHED, 1L); // release: pairs with the acquire in watched()
    }

    /** The trial's phase. */
    public long phase() {
        return (long) LONG.getAcquire(words, PHASE); // acquire: pairs with the release in enter()
    }

    /** Acknowledges {@code phase}. Called only by the watcher. */
    public void ack(long phase) {
        LONG.setRelease(words, ACK, phase); // release: pairs with the acquire in awaitAck()
    }

    /** Tasks alive now: the sum of the stripes. */
    public long alive() {
        long sum = 0;
        for (int s = 0; s < STRIPES; s++) {
            sum += (long) LONG.getOpaque(words, STRIPE_BASE + s * LINE); // opaque: a sample needs no ordering with other words
        }
        return sum;
    }

    private boolean watched() {
        return (long) LONG.getAcquire(words, WATCHED) != 0; // acquire: pairs with the release in watch()
    }

    private static long stripe() {
        return STRIPE_BASE + (Thread.currentThread().threadId() & (STRIPES - 1)) * LINE;
    }
}
