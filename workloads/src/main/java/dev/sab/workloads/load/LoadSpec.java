package dev.sab.workloads.load;

import dev.sab.schedulers.Durations;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the load generator sends: to whom, which routes in which proportions, over how many
 * connections, at what rate, and for how long. Immutable; every value is checked when the spec is
 * made, with a message naming the option, the value and what is valid.
 *
 * @param target      the server, a loopback address (sab never sends load anywhere else)
 * @param routes      the routes, each chosen for a request with probability weight / total weight
 * @param connections keep-alive connections, each with at most one request outstanding (no pipelining)
 * @param ratePerSec  requests per second, sent open-loop on a fixed schedule (wrk2's model); 0 for a
 *                    closed loop, where each connection sends its next request as soon as the
 *                    previous answer arrives (wrk's model)
 * @param poisson     in open loop, whether the gaps between intended send times are exponentially
 *                    distributed (a Poisson process of the same mean rate) rather than constant
 * @param requests    the most requests to send; {@link #UNBOUNDED} for no limit but the duration
 * @param duration    the longest the generator sends for; requests still outstanding then get
 *                    {@code timeout} more to be answered
 * @param timeout     how long one request may wait for its answer before it counts as timed out
 * @param seed        seeds the choice of route, so a run can be repeated
 */
public record LoadSpec(InetSocketAddress target, List<Route> routes, int connections, double ratePerSec, boolean poisson,
                       long requests, Duration duration, Duration timeout, long seed) {

    /** {@link #requests} value meaning "as many as fit in the duration". */
    public static final long UNBOUNDED = Long.MAX_VALUE;
    /** wrk's default connection count is 10; sab's http workload uses 16 so that 2-core and 16-core runs share one figure. */
    public static final int DEFAULT_CONNECTIONS = 16;
    /** wrk's default is 2s; ours is longer because a 2-core box running a CPU-heavy route can stall that long honestly. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_CONNECTIONS = 10_000;

    /**
     * One route: a path sent as {@code GET path?n=<request number>}, answered by sab's http server
     * with a body of {@code "<tag> <n>\n"}.
     *
     * @param path   begins with '/', no query, no spaces
     * @param weight relative share of requests, above zero
     */
    public record Route(String path, double weight) {
        public Route {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/") || path.contains("?") || path.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
                throw new IllegalArgumentException("bad route path '" + path
                        + "': expected a path that begins with '/' and has no query, spaces or non-ASCII characters");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("bad weight " + weight + " for route " + path + ": expected a number above 0");
            }
        }

        /**
         * Parses {@code PATH} or {@code PATH=WEIGHT} (as in {@code --route /heavy=1}).
         *
         * @throws IllegalArgumentException naming the value and what is valid
         */
        public static Route parse(String text) {
            String t = text.trim();
            int eq = t.lastIndexOf('=');
            if (eq < 0) {
                return new Route(t, 1);
            }
            double weight;
            try {
                weight = Double.parseDouble(t.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad route '" + text + "': expected PATH or PATH=WEIGHT, such as /heavy=1");
            }
            return new Route(t.substring(0, eq).trim(), weight);
        }

        /** The name results use for this route: the path without its leading '/' ("light" for /light, "root" for /). */
        public String tag() {
            return path.length() == 1 ? "root" : path.substring(1);
        }

        @Override
        public String toString() {
            return path + "=" + (weight == Math.rint(weight) ? Long.toString((long) weight) : Double.toString(weight));
        }
    }

    public LoadSpec {
        Objects.requireNonNull(target, "target");
        if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("bad target " + target + ": sab load sends only to loopback addresses (127.0.0.1, ::1, localhost)");
        }
        if (target.getPort() == 0) {
            throw new IllegalArgumentException("bad target " + target + ": expected a port from 1 to 65535");
        }
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("no route: expected at least one, such as /light");
        }
        if (routes.stream().map(Route::tag).distinct().count() != routes.size()) {
            throw new IllegalArgumentException("routes " + routes + " repeat a path: expected each path once");
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("bad value " + connections + " for connections: expected a whole number from 1 to "
                    + MAX_CONNECTIONS);
        }
        if (!(ratePerSec >= 0) || Double.isInfinite(ratePerSec)) {
            throw new IllegalArgumentException("bad value " + ratePerSec + " for rate: expected requests per second above 0, or max");
        }
        if (poisson && ratePerSec == 0) {
            throw new IllegalArgumentException("Poisson arrivals need a rate: expected a rate above 0 with poisson");
        }
        if (requests < 1) {
            throw new IllegalArgumentException("bad value " + requests + " for requests: expected a whole number ≥ 1");
        }
        requirePositive("duration", duration);
        requirePositive("timeout", timeout);
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("bad value " + Durations.format(d) + " for " + what + ": expected a duration above zero such as 10s");
        }
    }

    /** Whether requests follow a fixed schedule (open loop) rather than each other (closed loop). */
    public boolean openLoop() {
        return ratePerSec > 0;
    }

    public LoadSpec withRate(double rate) {
        return new LoadSpec(target, routes, connections, rate, poisson && rate > 0, requests, duration, timeout, seed);
    }

    public LoadSpec withPoisson(boolean p) {
        return new LoadSpec(target, routes, connections, ratePerSec, p, requests, duration, timeout, seed);
    }

    public LoadSpec withConnections(int n) {
        return new LoadSpec(target, routes, n, ratePerSec, poisson, requests, duration, timeout, seed);
    }

    public LoadSpec withDuration(Duration d) {
        return new LoadSpec(target, routes, connections, ratePerSec, poisson, requests, d, timeout, seed);
    }

    public LoadSpec withTimeout(Duration d) {
        return new LoadSpec(target, routes, connections, ratePerSec, poisson, requests, duration, d, seed);
    }

    /** The arguments of {@code sab load} that give this spec, in the order its help lists them. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add(target.getAddress().getHostAddress().contains(":")
                ? "[" + target.getAddress().getHostAddress() + "]:" + target.getPort()
                : target.getAddress().getHostAddress() + ":" + target.getPort());
        for (Route r : routes) {
            args.add("--route");
            args.add(r.toString());
        }
        args.add("--connections");
        args.add(Integer.toString(connections));
        args.add("--rate");
        args.add(openLoop() ? rateText(ratePerSec) : "max");
        if (poisson) {
            args.add("--poisson");
        }
        if (requests != UNBOUNDED) {
            args.add("--requests");
            args.add(Long.toString(requests));
        }
        args.add("--duration");
        args.add(Durations.format(duration));
        args.add("--timeout");
        args.add(Durations.format(timeout));
        args.add("--seed");
        args.add(Long.toString(seed));
        return args;
    }

    private static String rateText(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : String.format(Locale.ROOT, "%s", rate);
    }

    @Override
    public String toString() {
        return String.join(" ", toArgs());
    }
}
