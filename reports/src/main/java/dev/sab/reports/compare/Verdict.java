package dev.sab.reports.compare;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a change of one metric in one cell amounts to. */
public enum Verdict {
    /** Beyond the threshold and beyond the noise, for the better. */
    BETTER("better"),
    /** Beyond the threshold and beyond the noise, for the worse. */
    WORSE("worse"),
    /** Smaller than the threshold, or within the spread of the trials. */
    WITHIN_NOISE("within noise"),
    /**
     * Beyond the threshold, but a side has too few trials (fewer than
     * {@value Comparisons#MIN_TRIALS}) for the noise to be known, so the change may be nothing
     * more than it.
     */
    UNCERTAIN("uncertain"),
    /** A side has no value for this metric (no ok trial, or a figure it does not measure). */
    MISSING("missing");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    /** Whether the change is one to report: beyond the noise, either way. */
    public boolean changed() {
        return this == BETTER || this == WORSE;
    }
}
