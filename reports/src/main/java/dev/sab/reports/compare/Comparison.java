package dev.sab.reports.compare;

import java.util.List;

/**
 * Two results compared cell by cell: what {@code sab compare A B} prints.
 *
 * @param a                      where A came from, and what it was
 * @param b                      where B came from, and what it was
 * @param thresholdPercent       the smallest change, in percent of A, that is reported as one
 * @param cells                  the cells measured in both, in A's order
 * @param onlyInA                cells that only A measured
 * @param onlyInB                cells that only B measured
 * @param environmentDifferences how the two runs' machines, JDKs and settings differ, one item each
 */
public record Comparison(Source a, Source b, double thresholdPercent, List<CellComparison> cells, List<CellId> onlyInA,
                         List<CellId> onlyInB, List<String> environmentDifferences) {
    public Comparison {
        cells = List.copyOf(cells);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
        environmentDifferences = List.copyOf(environmentDifferences);
    }

    /**
     * One side of the comparison.
     *
     * @param path      the file or directory it was read from
     * @param command   the sab command that produced it
     * @param startTime when that run started
     * @param hostname  where it ran
     * @param gitCommit the commit sab was built from, when known
     */
    public record Source(String path, String command, String startTime, String hostname, String gitCommit) {
    }

    /** How many metric changes, over all cells, have {@code verdict}. */
    public long count(Verdict verdict) {
        return cells.stream().flatMap(c -> c.changes().stream()).filter(ch -> ch.verdict() == verdict).count();
    }
}
