/**
 * Shared memory with ECMAScript semantics: {@code SharedArrayBuffer}, typed arrays, {@code Atomics},
 * agents, and the locks JavaScript programs build on {@code Atomics.wait}/{@code notify}.
 *
 * <h2>Concepts, mapped to classes</h2>
 * <ul>
 *   <li><b>Shared Data Block</b> (the specification's bytes) is a {@link java.lang.foreign.MemorySegment}:
 *       a reservation from {@link java.lang.foreign.Arena#ofAuto()} (shared between threads, freed by
 *       the garbage collector) or a memory-mapped file. {@link dev.sab.core.SharedArrayBuffer} and
 *       {@link dev.sab.core.ArrayBuffer} own one each, behind their common type
 *       {@link dev.sab.core.ArrayBufferLike}.</li>
 *   <li><b>Integer-Indexed exotic objects</b> (typed arrays) are {@link dev.sab.core.TypedArray}s:
 *       immutable views holding the buffer, its segment, a byte offset and either a fixed length or
 *       "track the buffer's length".</li>
 *   <li><b>Atomics</b> is {@link dev.sab.core.Atomics}, with ECMAScript's names; the per-kind work
 *       lives in package-private methods of each view class, named for their memory ordering
 *       ({@code getAndAddVolatile}), over {@code dev.sab.core.internal.Memory}, where every access
 *       to buffer memory is.</li>
 * </ul>
 *
 * <h2>Waiting</h2>
 * {@code Atomics.wait}, {@code waitAsync} and {@code notify} follow the specification's
 * algorithm: one WaiterList per (buffer, byte index), created on first use and dropped when empty,
 * first-in-first-out, synchronous and asynchronous waiters together, each list guarded by its own
 * critical section (a monitor). The waiter compares the element inside the critical section; the
 * notifier writes the element before entering it; so a wake-up is never lost. Suspended waiters
 * park with {@link java.util.concurrent.locks.LockSupport}: a virtual thread unmounts, a platform
 * thread sleeps in the kernel. A notify completes an async waiter's promise on the notifier's
 * thread; a timeout completes it on the daemon thread {@code sab-atomics-timeouts}. Whether a
 * thread may block at all is its {@link dev.sab.core.Agent}'s {@code [[CanBlock]]}.
 *
 * <p>Across processes. A buffer from {@link dev.sab.core.SharedArrayBuffer#map} lives in a mapped
 * file that other JVMs may map too, so the waiter list cannot be a Java object. On Linux (x86-64,
 * AArch64, RISC-V 64) with native access enabled, the kernel's futex queue is the waiter list:
 * {@code FUTEX_WAIT}/{@code FUTEX_WAKE} through the FFM API, without the private flag so that the
 * kernel keys waiters by physical page. Elsewhere, waiters keep in-process lists and also poll the
 * element (spin, then sleep in slices up to 1 ms). {@code SharedArrayBuffer.waitMechanism()} says
 * which ({@code "in-process"}, {@code "futex"}, {@code "polling"}); its Javadoc and
 * {@code internal.FutexWaits} list where each departs from the specification.
 *
 * <h2>Locks built on wait and notify</h2>
 * {@link dev.sab.core.Lock} (Drepper's three-state futex mutex, as in Hansen's {@code lock.js}),
 * {@link dev.sab.core.Condition} (a sequence number), {@link dev.sab.core.Semaphore} (a permit
 * count) and {@link dev.sab.core.Latch} (a count) each live entirely in one element of a shared
 * {@code Int32Array} and use only {@code Atomics}, exactly as JavaScript code has to build them;
 * the Java objects are addresses. Any agent that builds one over the same element shares it, across
 * threads and, for a mapped buffer, across processes. Each blocking operation has an asynchronous
 * form ({@code lockAsync}, {@code awaitAsync}, {@code acquireAsync}) over {@code waitAsync}, for
 * agents that may not block.
 *
 * <h2>Memory model</h2>
 * ECMAScript has two kinds of shared memory events that matter here: SeqCst (every
 * {@code Atomics} operation) and Unordered (ordinary element reads and writes). sab renders SeqCst
 * as Java volatile accesses and VarHandle read-modify-writes, which are sequentially consistent
 * among themselves, and Unordered as plain accesses. The consequence a workshop sees is the same in
 * both languages: a loop that spins on a plain {@code get} may never see another thread's write,
 * and {@code ta.set(i, ta.get(i) + 1)} from two threads loses updates, while
 * {@code Atomics.add} does not.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>A buffer's segment never moves or shrinks; growing raises a length. Views can therefore
 *       cache the segment, and a fixed-length view of a fixed {@code SharedArrayBuffer} checks an
 *       index against a final field only (the fast path the benchmarks measure).</li>
 *   <li>Every byte of a reservation at or beyond the buffer's length is zero.</li>
 *   <li>Every element is naturally aligned in memory: reservations are 8-byte aligned and views
 *       refuse unaligned byte offsets, because 32- and 64-bit atomics need alignment.</li>
 *   <li>8- and 16-bit read-modify-writes change only their own lane: they are CAS loops on the
 *       containing 32-bit word (MemorySegment var handles offer no narrow read-modify-write).</li>
 * </ol>
 *
 * <h2>Errors</h2>
 * ECMAScript's RangeErrors for a bad index become {@link java.lang.IndexOutOfBoundsException} naming
 * the index and the length; RangeErrors for a bad length or offset value become
 * {@link java.lang.IllegalArgumentException}; TypeErrors become
 * {@link java.lang.IllegalStateException} (a detached buffer, or a wait where the agent may not
 * block) or {@link java.lang.UnsupportedOperationException} (growing a fixed-length buffer), or are
 * made impossible by parameter types (Atomics on a float view). Where JavaScript silently ignores an
 * out-of-range element write or reads {@code undefined}, sab throws.
 *
 * <h2>Rejected alternatives</h2>
 * <ul>
 *   <li>A {@code java.util.concurrent} lock or {@code Object.wait} per address for the waiter list:
 *       the specification's list is FIFO across synchronous and asynchronous waiters and notify
 *       must count whom it woke, which needs our own list; parking threads directly is also what
 *       makes virtual threads unmount.</li>
 *   <li>{@code byte[]}/{@code int[]} heap arrays: they cannot be memory-mapped, move during GC (no
 *       futex on them), and give every element kind a different array; a segment serves all.</li>
 *   <li>A {@code synchronized} block around narrow read-modify-writes: {@code isLockFree(1)} would
 *       then have to say false, and JavaScript engines implement them lock-free.</li>
 * </ul>
 *
 * <h2>Absent on purpose</h2>
 * {@code Uint8ClampedArray}, {@code Float16Array} and {@code DataView}; typed array methods beyond
 * element access ({@code fill}, {@code subarray}, iteration); {@code Symbol.species}. None of them
 * is about shared memory.
 */
package dev.sab.core;
