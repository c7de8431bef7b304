package dev.sab.harness;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the tasks of a trial arrive, and so where their latency is measured from.
 *
 * <ul>
 *   <li>{@link Burst}: every task is spawned at once, as fast as the driver can. Latency runs from
 *       the spawn call to the end of the task. By default the trial's driving thread, a platform
 *       thread outside the scheduler, spawns them, as requests arriving from outside do; with
 *       {@code fromTask} one task on the scheduler spawns them with {@code Ctx.spawn}, as a Go
 *       program's {@code for ... { go f() }} or a Node program's loop of async calls does, so
 *       each scheduler's own spawn path is measured (gmp's runnext and local queue, whose
 *       overflow and stealing then show; the JDK pool's worker queue; the event loop's async
 *       call, which runs the child at once up to its first wait, on the spawner's own loop).</li>
 *   <li>{@link Closed}: {@code concurrency} tasks in flight; a new one is spawned when one ends, like
 *       a fixed pool of clients that each wait for an answer before asking again. Latency runs
 *       from the spawn. Such a load slows down when the system does, so a stall delays few
 *       requests: the "coordinated omission" Gil Tene named, which is the point of this mode's
 *       contrast with the next.</li>
 *   <li>{@link Open}: tasks arrive at {@code ratePerSec}, at constant intervals or as a Poisson
 *       process, whatever happens to earlier ones. Latency runs from each task's <em>intended</em>
 *       start, as wrk2 measures it, so a stall counts against every task that should have started
 *       during it.</li>
 * </ul>
 *
 * <p>Written as {@code burst}, {@code burst:task}, {@code closed:64}, {@code open:1000/s} or
 * {@code open:1000/s,poisson}.
 */
public sealed interface Arrival {

    /** The written form, which {@link #parse} reads back. */
    String spec();

    /** All at once, spawned by the driving thread or ({@code fromTask}) by one task on the scheduler. */
    record Burst(boolean fromTask) implements Arrival {
        /** Spawned by the driving thread. */
        public Burst() {
            this(false);
        }

        @Override
        public String spec() {
            return fromTask ? "burst:task" : "burst";
        }
    }

    /** A fixed number in flight. */
    record Closed(int concurrency) implements Arrival {
        public Closed {
            if (concurrency < 1) {
                throw new IllegalArgumentException("bad value " + concurrency + " for concurrency: expected a whole number ≥ 1");
            }
        }

        @Override
        public String spec() {
            return "closed:" + concurrency;
        }
    }

    /** At a rate, constant or Poisson. */
    record Open(double ratePerSec, boolean poisson) implements Arrival {
        public Open {
            if (!(ratePerSec > 0) || Double.isInfinite(ratePerSec)) {
                throw new IllegalArgumentException("bad value " + ratePerSec + " for rate: expected a rate above zero such as 1000/s");
            }
        }

        @Override
        public String spec() {
            return "open:" + Rates.format(ratePerSec) + (poisson ? ",poisson" : "");
        }
    }

    /**
     * Reads the written form.
     *
     * @throws IllegalArgumentException naming the bad value and the valid forms
     */
    static Arrival parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("burst") || s.equals("burst:task")) {
            return new Burst(s.equals("burst:task"));
        }
        Matcher closed = Pattern.compile("closed:(\\d+)").matcher(s);
        if (closed.matches()) {
            return new Closed(Integer.parseInt(closed.group(1)));
        }
        Matcher open = Pattern.compile("open:([^,]+)(,poisson|,constant)?").matcher(s);
        if (open.matches()) {
            return new Open(Rates.parse(open.group(1)), ",poisson".equals(open.group(2)));
        }
        throw new IllegalArgumentException("bad arrival '" + spec + "': expected burst, burst:task, closed:C or open:R/s[,poisson]");
    }

    /** Rates as people write them: {@code 1000/s}, {@code 1000}, {@code 50/ms}, {@code 2.5k/s}. */
    final class Rates {
        private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)(k|m)?(?:/(s|ms|us|min))?");

        private Rates() {
        }

        /** Per second; throws naming the value and the valid forms. */
        public static double parse(String text) {
            Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("bad value '" + text + "' for rate: expected a rate above zero such as 1000/s, 2.5k/s or 50/ms");
            }
            double n = Double.parseDouble(m.group(1));
            if (m.group(2) != null) {
                n *= m.group(2).equals("k") ? 1e3 : 1e6;
            }
            String per = m.group(3) == null ? "s" : m.group(3);
            double perSecond = switch (per) {
                case "ms" -> n * 1e3;
                case "us" -> n * 1e6;
                case "min" -> n / 60;
                default -> n;
            };
            if (!(perSecond > 0)) {
                throw new IllegalArgumentException("bad value '" + text + "' for rate: expected a rate above zero such as 1000/s");
            }
            return perSecond;
        }

        /** {@code 1000/s}, {@code 2.5/s}. */
        public static String format(double perSec) {
            return (perSec == Math.rint(perSec) ? Long.toString((long) perSec) : Double.toString(perSec)) + "/s";
        }
    }
}
