package dev.sab.reports.format;

import java.util.List;

/** Every format a run writes, in the order their files are listed. */
public final class ReportFormats {
    private ReportFormats() {
    }

    /** results.json first: it is the complete record, and what every other format is made from. */
    public static List<ReportFormat> all() {
        return List.of(new JsonFormat(), new MarkdownFormat(), new CsvFormat(), new HdrHistogramLogFormat(),
                new PercentileDistributionFormat());
    }
}
