package dev.sab.workloads.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.DataFormatException;

/**
 * What the load generator saw: per route, how many requests it sent and how they ended, and the
 * latency of the answered ones in an HdrHistogram (nanoseconds, 3 significant digits; in open
 * loop from each request's intended send time, in closed loop from its actual send time).
 *
 * <p>Written by {@code sab load --report FILE} and read back by the harness, as a properties file
 * with each histogram compressed and base64-encoded, so that no JSON library is needed on either side.
 *
 * @param elapsedNanos    from the first intended send to the last answer (or the end of the run)
 * @param openLoop        whether requests followed a fixed schedule
 * @param ratePerSec      the scheduled rate (0 in closed loop)
 * @param connections     connections used
 * @param routes          per route, in the order of the spec
 * @param unsent          requests the run ended before sending: due in open loop but every connection
 *                        was busy (their latency is unknown, so they are counted, not recorded), or
 *                        never due because the duration ran out first in a run bounded by count
 * @param connectFailures connection attempts that failed
 * @param reconnects      connections opened again after the server closed one or a request timed out
 * @param errors          the first few error messages, for people
 */
public record LoadReport(long elapsedNanos, boolean openLoop, double ratePerSec, int connections, List<RouteResult> routes,
                         long unsent, long connectFailures, long reconnects, List<String> errors) {

    static final String FORMAT = "sab.load/1";
    static final int SIGNIFICANT_DIGITS = 3;

    /**
     * One route's outcome.
     *
     * @param path     the path requested
     * @param sent     requests sent
     * @param ok       answered 200 with the expected body
     * @param failed   answered otherwise, or the connection failed while the request was outstanding
     * @param timedOut not answered within the timeout
     * @param latency  latency of the {@code ok} requests, ns
     */
    public record RouteResult(String path, long sent, long ok, long failed, long timedOut, Histogram latency) {
        public String tag() {
            return new LoadSpec.Route(path, 1).tag();
        }
    }

    public LoadReport {
        routes = List.copyOf(routes);
        errors = List.copyOf(errors);
    }

    public long sent() {
        return routes.stream().mapToLong(RouteResult::sent).sum();
    }

    public long ok() {
        return routes.stream().mapToLong(RouteResult::ok).sum();
    }

    public long failed() {
        return routes.stream().mapToLong(RouteResult::failed).sum();
    }

    public long timedOut() {
        return routes.stream().mapToLong(RouteResult::timedOut).sum();
    }

    /** Whether every request was sent and answered correctly. */
    public boolean clean() {
        return unsent == 0 && failed() == 0 && timedOut() == 0 && connectFailures == 0 && ok() == sent();
    }

    /** Answered requests per second over the elapsed time. */
    public double throughputPerSec() {
        return elapsedNanos > 0 ? ok() * 1e9 / elapsedNanos : 0;
    }

    /** Every route's latencies in one histogram. */
    public Histogram overall() {
        Histogram all = new Histogram(SIGNIFICANT_DIGITS);
        routes.forEach(r -> all.add(r.latency()));
        return all;
    }

    /** Why the run was not clean, in one line, or null when it was. */
    public String problem() {
        if (clean()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (timedOut() > 0) {
            parts.add(timedOut() + " of " + sent() + " requests timed out");
        }
        if (failed() > 0) {
            parts.add(failed() + " of " + sent() + " requests failed");
        }
        if (unsent > 0) {
            parts.add(unsent + " requests were never sent");
        }
        if (connectFailures > 0) {
            parts.add(connectFailures + " connection attempts failed");
        }
        if (parts.isEmpty()) {
            parts.add(ok() + " of " + sent() + " requests answered");
        }
        return String.join("; ", parts) + (errors.isEmpty() ? "" : " (first error: " + errors.getFirst() + ")");
    }

    /** A table for people: one line per route and one for all. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s, %d connections, %.3f s, %.1f answered/s%n",
                openLoop ? String.format(Locale.ROOT, "open loop at %.1f requests/s (latency from the intended send time)", ratePerSec)
                        : "closed loop (latency from the actual send time)",
                connections, elapsedNanos / 1e9, throughputPerSec()));
        b.append(String.format(Locale.ROOT, "%-12s %9s %9s %7s %7s %10s %10s %10s %10s %10s%n",
                "route", "sent", "ok", "failed", "timeout", "p50", "p90", "p99", "p99.9", "max"));
        for (RouteResult r : routes) {
            line(b, r.path(), r.sent(), r.ok(), r.failed(), r.timedOut(), r.latency());
        }
        if (routes.size() > 1) {
            line(b, "all", sent(), ok(), failed(), timedOut(), overall());
        }
        if (unsent > 0 || connectFailures > 0 || reconnects > 0) {
            b.append(String.format(Locale.ROOT, "unsent %d, connect failures %d, reconnects %d%n", unsent, connectFailures, reconnects));
        }
        errors.forEach(e -> b.append("error: ").append(e).append('\n'));
        return b.toString();
    }

    private static void line(StringBuilder b, String name, long sent, long ok, long failed, long timedOut, Histogram h) {
        boolean any = h.getTotalCount() > 0;
        b.append(String.format(Locale.ROOT, "%-12s %9d %9d %7d %7d %10s %10s %10s %10s %10s%n", name, sent, ok, failed, timedOut,
                any ? millis(h.getValueAtPercentile(50)) : "-", any ? millis(h.getValueAtPercentile(90)) : "-",
                any ? millis(h.getValueAtPercentile(99)) : "-", any ? millis(h.getValueAtPercentile(99.9)) : "-",
                any ? millis(h.getMaxValue()) : "-"));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3fms", nanos / 1e6);
    }

    /** Writes this report to {@code file} atomically (a temporary file, then a rename). */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("elapsedNanos", Long.toString(elapsedNanos));
        p.setProperty("openLoop", Boolean.toString(openLoop));
        p.setProperty("ratePerSec", Double.toString(ratePerSec));
        p.setProperty("connections", Integer.toString(connections));
        p.setProperty("unsent", Long.toString(unsent));
        p.setProperty("connectFailures", Long.toString(connectFailures));
        p.setProperty("reconnects", Long.toString(reconnects));
        p.setProperty("routes", Integer.toString(routes.size()));
        for (int i = 0; i < routes.size(); i++) {
            RouteResult r = routes.get(i);
            String k = "route." + i + ".";
            p.setProperty(k + "path", r.path());
            p.setProperty(k + "sent", Long.toString(r.sent()));
            p.setProperty(k + "ok", Long.toString(r.ok()));
            p.setProperty(k + "failed", Long.toString(r.failed()));
            p.setProperty(k + "timedOut", Long.toString(r.timedOut()));
            p.setProperty(k + "histogram", encode(r.latency()));
        }
        p.setProperty("errors", Integer.toString(errors.size()));
        for (int i = 0; i < errors.size(); i++) {
            p.setProperty("error." + i, errors.get(i));
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "sab load report");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a report written by {@link #write}.
     *
     * @throws IOException if the file cannot be read or is not such a report
     */
    public static LoadReport read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException(file + " is not a sab load report (format " + p.getProperty("format") + ", expected " + FORMAT + ")");
        }
        try {
            List<RouteResult> routes = new ArrayList<>();
            int n = Integer.parseInt(required(p, "routes"));
            for (int i = 0; i < n; i++) {
                String k = "route." + i + ".";
                routes.add(new RouteResult(required(p, k + "path"), Long.parseLong(required(p, k + "sent")),
                        Long.parseLong(required(p, k + "ok")), Long.parseLong(required(p, k + "failed")),
                        Long.parseLong(required(p, k + "timedOut")), decode(required(p, k + "histogram"))));
            }
            List<String> errors = new ArrayList<>();
            int e = Integer.parseInt(p.getProperty("errors", "0"));
            for (int i = 0; i < e; i++) {
                errors.add(required(p, "error." + i));
            }
            return new LoadReport(Long.parseLong(required(p, "elapsedNanos")), Boolean.parseBoolean(required(p, "openLoop")),
                    Double.parseDouble(required(p, "ratePerSec")), Integer.parseInt(required(p, "connections")), routes,
                    Long.parseLong(required(p, "unsent")), Long.parseLong(required(p, "connectFailures")),
                    Long.parseLong(required(p, "reconnects")), errors);
        } catch (NumberFormatException | DataFormatException e) {
            throw new IOException("corrupt sab load report " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException("sab load report lacks '" + key + "'");
        }
        return v;
    }

    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), n));
    }

    static Histogram decode(String text) throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
    }
}
