/**
 * report.html: a run as one self-contained page with charts, made from the result model alone.
 *
 * <h2>What the page is for</h2>
 * An engineer preparing an architecture review, or a teacher putting a run on a projector, wants
 * to see for each workload the schedulers side by side, find the one figure that answers the
 * workload's question, and be able to defend every number: how many trials, how far apart they
 * were, what failed and why, on which machine and JDK. The page is laid out in that order:
 * <ol>
 *   <li><b>Key figures</b>: a row per group of cells (a workload with its parameters, task count
 *       and arrival mode; {@link dev.sab.reports.html.CellGroup}), a column per scheduler, the
 *       group's key figure in each cell, the lowest in bold and the others as multiples of it.</li>
 *   <li><b>All cells</b>: the summary table of summary.md.</li>
 *   <li>Per group: a sentence naming the lowest and highest key figure, then the figures
 *       ({@link dev.sab.reports.html.GroupFigures}) and the tables
 *       ({@link dev.sab.reports.html.GroupTables}): latency and throughput, memory and the
 *       process, latency by tag, what the workload measured, the schedulers' own counters, and
 *       the failed trials with their reasons and the end of their output.</li>
 *   <li><b>Environment</b>: command, commit, JDK, flags, CPU, settings; for merged results every
 *       input's machine.</li>
 * </ol>
 *
 * <h2>The key figure</h2>
 * The report knows nothing of workloads (this module sees only the result model), so the key
 * figure follows a rule that needs no such knowledge: when the tasks carry tags, it is the p99 of
 * the most numerous tag, which in {@code heavy-light} and {@code starve} is the light tasks and in
 * {@code http} the {@code /light} route — the workloads ask what a few heavy tasks do to the many
 * light ones, and the answer is the light tasks' tail; otherwise it is the p99 of all tasks. The
 * group's second latency figure draws that tag's whole distribution.
 *
 * <h2>The latency distribution chart</h2>
 * As in HdrHistogram's own plots, the x axis is {@code 1/(1−p)} on a log scale, so 90%, 99%,
 * 99.9% and 99.99% sit a decade apart and the tail, where schedulers differ most, gets as much
 * room as the body; the curve comes from the full HdrHistogram of each cell (every ok trial's
 * histogram merged exactly), not from the handful of percentiles in the tables. A curve ends at
 * its maximum, drawn at {@code 1/(1−p) = n} for n values, the finest percentile n values resolve.
 * The y axis turns logarithmic when the schedulers differ by more than
 * {@value dev.sab.reports.html.Figures#LOG_SPREAD} times, which a thread pool against an event loop
 * often does; the axis label says so.
 *
 * <h2>Readable by everyone, on paper too</h2>
 * A scheduler has one colour, marker and dash in every chart ({@link dev.sab.reports.html.Palette}):
 * Okabe and Ito's colour-blind-safe set, with distinct markers and dashes so that the series also
 * part in grey-scale; statistics within a bar chart are told apart by lightness, and every bar
 * carries its value. The print style sheet puts one figure per row, a group per page, and keeps
 * figures and table rows whole.
 *
 * <h2>Self-contained and quick to open</h2>
 * Styles are inlined, charts are inline SVG drawn by JFreeChart through JFreeSVG (text as text,
 * coordinates to a hundredth of a pixel, each chart's definitions under ids of its own); there is
 * no script, no font, no image and no URL to anything outside the file, so it opens offline, from
 * an e-mail attachment, or years later. A browser lays out SVG of this size in milliseconds; a
 * 60-cell report is a few megabytes. Where the JDK cannot draw text (a machine with no font at
 * all), the report is written without charts and says why ({@link dev.sab.reports.html.FigureWriter}).
 *
 * <h2>Rejected alternatives</h2>
 * A JavaScript chart library inlined into the page (hundreds of kilobytes of code per report, a
 * blank page where scripts are off or in a print preview); images (PNG) in data URLs (blurry when
 * zoomed or printed, text not searchable); charts drawn by hand as SVG strings (axes, ticks, log
 * scales and legends are a library's job, done well once).
 */
package dev.sab.reports.html;
