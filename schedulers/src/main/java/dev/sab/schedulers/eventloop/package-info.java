/**
 * A Node.js event loop for Java: Node 20 on libuv 1.46, phase for phase, queue for queue, checked
 * against the real {@code node} by a conformance suite (see {@code ConformanceTest}).
 *
 * <h2>Two halves, as in Node</h2>
 * Node is libuv (C: handles, requests, phases, epoll, a thread pool) with a JavaScript layer on top
 * (timer lists, immediates, the nextTick queue, promises) that reaches libuv only through a few
 * handles. The model keeps that seam:
 * <table>
 *   <caption>Node and libuv, mapped to sab</caption>
 *   <tr><th>Node / libuv</th><th>sab</th></tr>
 *   <tr><td>{@code uv_loop_t}, {@code uv_run(UV_RUN_DEFAULT)}</td><td>{@code internal.UvLoop#run}</td></tr>
 *   <tr><td>{@code uv_handle_t} (ref, unref, active, close)</td><td>{@code internal.UvHandle}</td></tr>
 *   <tr><td>{@code uv_timer_t} and libuv's timer heap (due, then start order)</td><td>{@code internal.UvTimer}, {@code internal.TimerHeap}</td></tr>
 *   <tr><td>{@code uv_idle_t}, {@code uv_prepare_t}, {@code uv_check_t}</td><td>{@code internal.UvPhaseHandle}</td></tr>
 *   <tr><td>{@code uv__io_poll} over epoll; {@code uv__io_t}</td><td>{@code internal.Poller} (one NIO Selector); {@code internal.IoWatcher}</td></tr>
 *   <tr><td>{@code uv_async_t} / {@code uv_async_send}</td><td>{@code internal.UvAsync}; public as {@link dev.sab.schedulers.eventloop.AsyncHandle}</td></tr>
 *   <tr><td>libuv's thread pool, {@code uv_queue_work}</td><td>{@code internal.ThreadPool}, {@code internal.WorkRequest}</td></tr>
 *   <tr><td>{@code lib/internal/timers.js} (lists per duration, PriorityQueue of lists, {@code processTimers})</td><td>{@code TimerLists}, {@link dev.sab.schedulers.eventloop.Timeout}</td></tr>
 *   <tr><td>{@code processImmediate}, {@code CheckImmediate}, the immediate idle handle</td><td>{@code ImmediateQueue}, {@link dev.sab.schedulers.eventloop.Immediate}</td></tr>
 *   <tr><td>{@code processTicksAndRejections}, V8's microtask queue</td><td>{@code TaskQueues}</td></tr>
 *   <tr><td>{@code MakeCallback} / {@code InternalCallbackScope}, {@code process._fatalException}</td><td>{@code CallbackScope}</td></tr>
 *   <tr><td>V8's promises (ECMA-262 27.2)</td><td>{@link dev.sab.schedulers.eventloop.Promise}, {@code Reaction}, {@code PromiseCombinators}, {@code PromiseRejections}</td></tr>
 *   <tr><td>{@code fs.readFile}'s {@code ReadFileContext}</td><td>{@code ReadFileContext}</td></tr>
 *   <tr><td>{@code net.Server}, {@code net.Socket} on {@code uv_tcp_t}</td><td>{@link dev.sab.schedulers.eventloop.TcpServer}, {@link dev.sab.schedulers.eventloop.TcpSocket}</td></tr>
 *   <tr><td>{@code worker_threads}, MessagePort, structured clone; Piscina</td><td>{@link dev.sab.schedulers.eventloop.Worker}, {@link dev.sab.schedulers.eventloop.MessagePort}, {@code internal.StructuredClone}; {@link dev.sab.schedulers.eventloop.WorkerPool}</td></tr>
 *   <tr><td>{@code perf_hooks}: {@code eventLoopUtilization}, {@code monitorEventLoopDelay}</td><td>{@link dev.sab.schedulers.eventloop.EventLoopUtilization}, {@link dev.sab.schedulers.eventloop.EventLoopDelayMonitor}</td></tr>
 * </table>
 *
 * <h2>One iteration</h2>
 * {@code uv_run} runs the timers once, then, while the loop is alive: pending callbacks (I/O
 * callbacks deferred from the last iteration: a refused connect), idle and prepare handles, poll
 * (block on the Selector up to the nearest timer; not at all when an idle handle is active, which
 * is how a pending {@code setImmediate} keeps the loop from sleeping), up to eight more rounds of
 * pending callbacks, check ({@code setImmediate}), close callbacks (LIFO, as libuv's closing list),
 * then a refresh of the cached time and the timers. The loop is alive while an active ref'd handle,
 * an in-flight request, a pending callback or a closing handle remains; {@code run(main)} runs the
 * main script first and returns when the loop is no longer alive (after the {@code beforeExit}
 * listeners, which may revive it), as a Node process exits.
 *
 * <h2>The callback boundary</h2>
 * After the main script and after every single macrotask callback (each timer, each immediate,
 * each I/O, async or thread-pool completion, each message, each close callback): all nextTick
 * callbacks (including ticks they queue), then all microtasks (promise jobs and queueMicrotask, in
 * one FIFO, including ones they queue, even when a microtask queues a tick), then unhandled
 * rejections; repeat while ticks or reports remain. Exceptions behave as in Node, down to which
 * queue waits for which scope (see {@code CallbackScope}).
 *
 * <h2>Timers</h2>
 * Node keeps JavaScript timers in one linked list per duration (so insertion and removal are O(1)
 * and each list is sorted for free), the lists in a heap by expiry and list id, and one libuv timer
 * armed for the earliest list. That gives "due time, then insertion order", except where Node's
 * own structure gives otherwise: a list rescheduled after running takes a new id, and yields to a
 * list of another duration due at the same millisecond ({@code TimersTest}). Delays are whole
 * milliseconds from the call (Node refreshes libuv's time on every insert), at least 1 ms; the
 * poll phase waits only for what remains of its timeout after refreshing the time, as Node's
 * {@code uv__io_poll} does with {@code UV_METRICS_IDLE_TIME}. Time comes from an injected
 * {@link dev.sab.schedulers.eventloop.LoopClock}; with a {@link dev.sab.schedulers.eventloop.VirtualClock}
 * the loop jumps to the next timer instead of sleeping when nothing else can wake it.
 *
 * <h2>Promises</h2>
 * The specification's operations, one job per reaction: {@code then} costs one microtask turn;
 * resolving a promise with a promise ({@code thenCompose}, {@link dev.sab.schedulers.eventloop.Resolver#adopt},
 * {@code finallyDo}) goes through PromiseResolveThenableJob and costs two more, as in V8. A
 * {@code then} allocates one derived promise and one reaction, which is also its job. A rejection
 * still unhandled after a drain is reported (Node 15+: it ends {@code run()} unless handled).
 *
 * <h2>Coroutines: {@code async} and {@code await}</h2>
 * {@link dev.sab.schedulers.eventloop.EventLoop#async} starts a virtual thread whose scheduler is
 * the loop and whose only carrier is the loop thread ({@code Coroutines}). It runs at once up to
 * its first {@link dev.sab.schedulers.eventloop.EventLoop#await}, which subscribes to the promise and
 * parks; the reaction job unparks it, and the JDK hands the continuation to the loop, which runs it
 * inside that very job: "the task resumes as a microtask", one turn after the promise settles, as
 * {@code await} in V8. A coroutine that parks anywhere else (a lock, {@code Thread.sleep},
 * {@code Atomics.wait} on an agent that may block) blocks the loop until it resumes: in JavaScript
 * every blocking call blocks the thread, and so it does here.
 *
 * <h2>Agents</h2>
 * The loop thread and its coroutines run as one ECMAScript agent: by default one that may not
 * block (a browser's main thread: {@code Atomics.wait} throws, {@code waitAsync} works); with
 * {@code canBlock} one that may (Node's main thread). Workers always may.
 *
 * <h2>Threads</h2>
 * Everything runs on the loop thread; methods check it and throw {@link java.lang.IllegalStateException}
 * elsewhere. The ways in from other threads are {@link dev.sab.schedulers.eventloop.AsyncHandle#send()},
 * {@link dev.sab.schedulers.eventloop.Promise#from}, {@link dev.sab.schedulers.eventloop.Worker} messages,
 * and {@link dev.sab.schedulers.eventloop.EventLoop#close()}. Counters are single-writer and published
 * at phase boundaries ({@code internal.LoopStats}); the watchdog ({@code internal.Watchdog}) reads an
 * opaque heartbeat.
 *
 * <h2>Rejected alternatives</h2>
 * <ul>
 *   <li>One heap of all timers keyed by (due, insertion): simpler, and O(log n) per insert where
 *       Node is O(1), and wrong in the rescheduled-list case above.</li>
 *   <li>{@link java.util.concurrent.CompletableFuture} as the promise: its callbacks run on
 *       whatever thread completes it, in an order it does not promise; JavaScript's ordering is
 *       the point of the model.</li>
 *   <li>Resuming a coroutine as a job of its own after the reaction job: two turns per await
 *       instead of V8's one.</li>
 *   <li>Iterating the Selector's selected-key set: a hash set, so I/O callbacks would not come in
 *       epoll's order; the consumer form of {@code select} keeps it.</li>
 *   <li>Letting NIO close a registered channel lazily (at the next select): a closed server would
 *       still accept for one iteration and its pending connections would be reset; the loop flushes
 *       the cancelled key first, as {@code uv_close} closes the descriptor at once.</li>
 * </ul>
 *
 * <h2>Left out</h2>
 * MessageChannel (ports other than {@code parentPort}); stopping a running callback on
 * {@code worker.terminate()} (V8's TerminateExecution has no Java counterpart: the worker stops at
 * its next callback boundary); file system calls other than {@code readFile}; DNS; signals and
 * child processes; async_hooks; the 'rejectionHandled' event; libuv's cap on slow-I/O thread-pool
 * requests; the ESM main module (whose promise jobs run before nextTicks after the main script).
 *
 * <h2>Shutdown</h2>
 * <ol>
 *   <li>{@code run(main)} returns once the loop is not alive (or was stopped by {@code close()}
 *       from any thread, or by an uncaught exception, or by the watchdog); its workers are
 *       stopped, as a process stops its workers when it exits.</li>
 *   <li>{@code close()} releases the Selector, the thread pool (if this loop owns it: workers
 *       share their parent's) and the delay monitors; called on the loop thread it first stops the
 *       loop at the end of the current callback.</li>
 * </ol>
 */
package dev.sab.schedulers.eventloop;
