package dev.sab.reports.format;

import dev.sab.reports.html.HtmlReportFormat;

import java.util.List;

/** Every format a run writes, in the order their files are listed. */
public final class ReportFormats {
    private ReportFormats() {
    }

    /**
     * What a run rewrites after every trial: results.json (the complete record, and what every
     * other format is made from) and summary.md. The rest are derived, and written at the end.
     */
    public static List<ReportFormat> incremental() {
        return List.of(new JsonFormat(), new MarkdownFormat());
    }

    /** results.json first: it is the complete record, and what every other format is made from. */
    public static List<ReportFormat> all() {
        return List.of(new JsonFormat(), new HtmlReportFormat(), new MarkdownFormat(), new CsvFormat(),
                new HdrHistogramLogFormat(), new PercentileDistributionFormat());
    }
}
