/**
 * The catalogue. Each workload names what it exercises and what each scheduler is expected to do
 * with it; the expectations are what the comparison is for, not assertions.
 *
 * <table>
 * <caption>Workloads</caption>
 * <tr><th>name</th><th>kind</th><th>a task</th><th>what it shows</th></tr>
 * <tr><td>sleep</td><td>io</td><td>waits {@code duration}</td><td>timer cost and, with a million
 *     tasks, memory per waiting task</td></tr>
 * <tr><td>echo</td><td>io</td><td>a loopback client exchanging {@code rounds} messages with an
 *     in-process echo server</td><td>each scheduler's socket idiom, on both ends</td></tr>
 * <tr><td>http</td><td>mixed</td><td>(a request from {@code sab load})</td><td>"/heavy freezes
 *     /light": per-route latency of a server under CPU-heavy requests</td></tr>
 * <tr><td>file</td><td>io</td><td>reads a file in {@code chunk}-sized {@code Ctx.blocking}
 *     calls</td><td>the system-call handoff: thread pool, P handoff, pinned carrier</td></tr>
 * <tr><td>cpu</td><td>cpu</td><td>runs a kernel: spin, hash, mandelbrot, sort, fib</td><td>raw
 *     parallel throughput; preemption at the kernels' safe points</td></tr>
 * <tr><td>heavy-light</td><td>mixed</td><td>burns heavy or light CPU, tagged</td><td>the in-process
 *     form of http's question</td></tr>
 * <tr><td>counters</td><td>sync</td><td>increments shared counters: atomic, cas, lock,
 *     racy</td><td>lost updates, CAS retries, lock cost; an event loop loses none even racily</td></tr>
 * <tr><td>pingpong</td><td>sync</td><td>a ping and its pong bounce a token through
 *     Atomics.wait/notify</td><td>wake-up latency; waitAsync where the agent may not block</td></tr>
 * <tr><td>fanout</td><td>cpu</td><td>spawns width children per level to depth and joins
 *     them</td><td>spawn and join cost</td></tr>
 * <tr><td>yield</td><td>cpu</td><td>yields {@code times} times</td><td>switch cost</td></tr>
 * <tr><td>starve</td><td>mixed</td><td>a CPU hog per processor, or a light tick</td><td>which
 *     schedulers keep light tasks on time while every core is busy</td></tr>
 * </table>
 */
package dev.sab.workloads.catalog;
