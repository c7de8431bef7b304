/**
 * {@code gmp}: a model of Go's goroutine scheduler (runtime/proc.go) faithful enough that its
 * characteristic behaviours show up in measurements: work stealing, runnext hand-off, syscall
 * hand-off, sysmon preemption and per-P timers.
 *
 * <h2>Concepts</h2>
 * <pre>
 *   Go                       here
 *   G  goroutine             {@link dev.sab.schedulers.gmp.Goroutine}: a virtual thread whose scheduler is ours;
 *                            run queues hold its continuation, which an M runs until it parks
 *   M  machine (OS thread)   {@link dev.sab.schedulers.gmp.Machine}: a platform thread running schedule()
 *   P  processor             {@link dev.sab.schedulers.gmp.Processor}: the right to run Gs; procs = GOMAXPROCS of them
 *   p.runq, runnext          {@link dev.sab.schedulers.gmp.LocalRunQueue}: lock-free SPMC ring + one slot
 *   sched.runq               {@link dev.sab.schedulers.gmp.GlobalRunQueue}, under sched.lock
 *   sched (idle Ps, idle Ms,  {@link dev.sab.schedulers.gmp.Sched}, which is also the virtual threads' Executor
 *     nmspinning, wakep...)
 *   stealWork, randomOrder   {@link dev.sab.schedulers.gmp.Stealer}, {@link dev.sab.schedulers.gmp.StealOrder}
 *   sched.lock               {@link dev.sab.schedulers.gmp.SchedLock}: try, spin, yield, then sleep, as Go's lock2
 *   p.timers                 {@link dev.sab.schedulers.gmp.Timers}
 *   sysmon                   {@link dev.sab.schedulers.gmp.Sysmon}
 *   nanotime()               {@link dev.sab.schedulers.gmp.Ticker}, injected so tests drive time
 *   entersyscall/exitsyscall {@link dev.sab.schedulers.gmp.Machine#entersyscall()} and {@code exitsyscall}
 *   the constants            {@link dev.sab.schedulers.gmp.GmpConfig}: every one a setting, Go's value the default
 * </pre>
 *
 * <h2>How a G becomes runnable</h2>
 * The JDK calls {@link dev.sab.schedulers.gmp.Sched#execute} whenever one of our virtual threads can
 * run: on the thread that starts it, on the thread that unparks it (another G, the JDK's I/O
 * poller, a platform thread, an M firing timers), and on the M itself as the G leaves the CPU after
 * {@code Thread.yield()} or after a park that raced an unpark. Go's rules follow from where that
 * call happens, found through the carrier thread of the caller:
 * <ul>
 *   <li>on an M holding a P: into that P's {@code runnext}, the G displaced from it to the tail of
 *       the local ring, a full ring spilling half of itself to the global queue; then
 *       {@code wakep} (Go's {@code ready}, and {@code newproc} for a G started by a G);</li>
 *   <li>the M's own G leaving the CPU: to the global queue if it yielded or was preempted (Go's
 *       {@code goschedImpl}), straight back onto the M if it had been unparked before it got off
 *       (Go's {@code park_m} whose unlock function refuses), to another P or the global queue if
 *       its blocking call lost its P (Go's {@code exitsyscall0});</li>
 *   <li>anywhere else: the global queue, and an idle P gets an M (Go's {@code injectglist} for
 *       netpoll results).</li>
 * </ul>
 *
 * <h2>Finding work ({@code Machine.findRunnable}, in Go's order)</h2>
 * Due timers of the M's own P; the global queue first on every 61st schedtick; runnext then the
 * local ring; a fair batch of the global queue; then, if fewer than half the busy Ps have a
 * spinning M, spin: up to 4 passes over the other Ps in random order ({@code StealOrder}) taking
 * half of a victim's ring, on the last pass also running the victims' due timers and, after a
 * short pause if the victim is running, taking its runnext. With nothing found the M drops its P,
 * stops spinning and re-checks every source (the "delicate dance": whoever stops spinning last
 * must not miss work submitted meanwhile), then either waits for the earliest timer of any P (one
 * M at a time, Go's blocking {@code netpoll(delay)}) or parks on the idle M list until
 * {@code startm} hands it a P.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>An M runs a G only while it holds a P; a P is held by at most one M; a P is on the idle
 *       list exactly when its status is IDLE and its run queue is empty.</li>
 *   <li>Only the M holding a P puts into its run queue; anyone may take from it, by CAS on its
 *       head; only the owner sets runnext, anyone clears it by CAS.</li>
 *   <li>Leaving SYSCALL is decided by one CAS on the P's status: the returning M's (take it back)
 *       or sysmon's (retake and hand off), never both.</li>
 *   <li>A G takes no scheduler lock on its own stack except inside {@code execute}, where the JDK
 *       pins it to its carrier; anything else it needs (arming its sleep timer, going to the
 *       global queue, finding a P after a blocking call) it asks of its M in a field before it
 *       leaves the CPU, and the M does it afterwards, as Go's {@code gopark} hands an unlock
 *       function to {@code park_m}. So a contended lock can never unmount a G half-way through
 *       the scheduler.</li>
 *   <li>New work starts an M only when no M is spinning and a P is idle ({@code wakep}); a
 *       spinning M that finds work wakes another spinner ({@code resetspinning}).</li>
 *   <li>Every counter has one writer at a time (see {@link dev.sab.schedulers.gmp.GmpMetrics}).</li>
 * </ol>
 *
 * <h2>Where this differs from Go, and why</h2>
 * <ul>
 *   <li><b>Preemption is cooperative at safe points, not by signals.</b> sysmon's request is seen
 *       at {@code Ctx.safePoint()}, which the workloads' CPU kernels call every few microseconds of
 *       work, inside {@code Ctx.cpu} about every microsecond, and at every {@code Ctx.spawn} (Go's
 *       {@code newproc} is a call, and a call's prologue is a preemption point, so a loop of
 *       {@code go} statements is preempted like any loop). That gives the effect of Go
 *       1.14+'s asynchronous preemption (a tight loop is stopped within a time slice plus a
 *       sysmon period) wherever the loop passes a safe point; a G that computes without calling
 *       either is never preempted, as a Go loop was not before 1.14. A request still pending when
 *       its G parks ends the time slice there: Go would have preempted that G at the prologue of
 *       a function on its way to parking, so the G that would inherit the slice through runnext
 *       goes to the global queue in its place. That is what keeps two goroutines that hand off to
 *       each other (over {@code Atomics.wait}/{@code notify}, which pass no safe point) from
 *       holding a P's slice forever and starving its local queue, which Go's sysmon prevents the
 *       same way. {@code preempt=off} turns the requests off.</li>
 *   <li><b>The JDK, not us, switches stacks.</b> A G's stack is a virtual thread's continuation;
 *       mounting it costs what the JDK charges, and its memory is the JDK's stack chunks, not Go's
 *       2 KiB growable stacks. That cuts both ways: a hand-off between two Gs copies their top
 *       frames out and back (the JDK's freeze and thaw: about 300 ns a round trip on a 2-core VM,
 *       where Go switches stacks in 200), and a parked G holds only the frames it parked in,
 *       copied to the heap (296 to 525 B for a sleeper, depending on how C2 compiled those frames,
 *       where Go holds at least its 2 KiB stack). Figures: benchmarks/README.md.</li>
 *   <li><b>No netpoller of our own.</b> Sockets are the JDK's blocking channels: the G parks and
 *       the JDK's poller thread readies it, which lands it on the global queue and starts an idle
 *       P, like Go's {@code injectglist}; the one M that "polls" here only waits for timers.</li>
 *   <li><b>Syscalls follow Go up to 1.25</b>: entering one releases the P into SYSCALL and the CAS
 *       on its status decides who gets it (Go 1.26 keeps the P wired and blocks the exiting G with
 *       its scan bit instead; the rule sysmon applies is the same). A blocking call whose virtual
 *       thread parks half-way (a {@code Thread.sleep} inside {@code Ctx.blocking}) gives its M and
 *       P back at once; the rest of the call runs as ordinary G code.</li>
 *   <li><b>A G that yields in JDK code</b> ({@code Thread.yield()} inside a library) cannot be told
 *       from a park that raced an unpark, so it goes straight back onto its M rather than to the
 *       global queue as {@code Gosched} would; {@code Ctx.yield()} does go to the global queue.</li>
 *   <li><b>sysmon's deep sleep</b> also ends when an M takes a P in an all-idle world: Go has a
 *       forced-GC timer that keeps sysmon from oversleeping, this model has no GC of its own.</li>
 *   <li><b>No GC, no GOMAXPROCS changes at run time, no locked threads, no thread limit</b>
 *       (Go stops at 10,000 Ms).</li>
 *   <li><b>{@code wakep} finds "no idle P" without the scheduler lock.</b> Go 1.21+ takes
 *       {@code sched.lock} in every {@code wakep} while no M spins, only to learn that every P is
 *       busy and set {@code needspinning}; here a handshake on two volatiles does the same (the
 *       waker sets {@code needspinning} then reads {@code npidle}, an M dropping its P increments
 *       {@code npidle} then reads {@code needspinning}), so a {@code go} statement on a busy
 *       machine costs no lock. The outcomes are the ones Go's lock allows; see
 *       {@code Sched.wakep}.</li>
 *   <li><b>Stealing runnext is not linearizable</b>, as in Go: a thief that finds the ring empty
 *       and then runnext empty may come back with nothing although the queue was never empty.
 *       Lincheck confirms it; Go tolerates it because spinning Ms re-check before they park.</li>
 * </ul>
 *
 * <h2>Rejected alternatives</h2>
 * A ForkJoinPool with our own queues (it brings its own stealing and parking, and would measure
 * the JDK's policy, not Go's); one lock-protected deque per P (simpler, but the owner/thief
 * protocol with runnext is what makes stealing cheap and runnext hand-off possible); preempting
 * by interrupting the carrier (a virtual thread cannot be unmounted from outside; interrupts are
 * the task's cancellation signal).
 *
 * <h2>Shutdown ({@code GmpScheduler.close()})</h2>
 * <ol>
 *   <li>Mark the scheduler closed: spawning from outside throws; running Gs may still spawn
 *       children.</li>
 *   <li>Wait until no task is in flight (children included).</li>
 *   <li>Stop sysmon and wait for its thread.</li>
 *   <li>Mark the scheduler shut down; hand every idle M a null P, which makes it exit; break the
 *       timer waiter's wait.</li>
 *   <li>Ms still running find no work, see the mark before they would park, and exit.</li>
 *   <li>Wait up to five seconds for the M threads to end (they are daemons either way).</li>
 * </ol>
 */
package dev.sab.schedulers.gmp;
