package dev.sab.schedulers.eventloop;

/**
 * {@code performance.eventLoopUtilization()}: how much of its life the loop spent idle (blocked in
 * the poll phase waiting for events, libuv's {@code uv_metrics_idle_time}) and active (everything
 * else since the loop started), in milliseconds.
 *
 * @param idle        ms idle
 * @param active      ms active
 * @param utilization active / (idle + active), 0 when both are 0
 */
public record EventLoopUtilization(double idle, double active, double utilization) {

    static EventLoopUtilization of(double idle, double active) {
        double total = idle + active;
        return new EventLoopUtilization(idle, active, total <= 0 ? 0 : active / total);
    }

    /** The utilization between {@code earlier} and this one (Node's {@code eventLoopUtilization(elu1)}). */
    public EventLoopUtilization since(EventLoopUtilization earlier) {
        return of(Math.max(0, idle - earlier.idle), Math.max(0, active - earlier.active));
    }
}
