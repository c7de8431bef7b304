/**
 * The result model (immutable records, JSON schema "sab.results/1") and the formats that turn it
 * into files a person reads. Knows nothing of schedulers or workloads: only the model.
 */
module dev.sab.reports {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive HdrHistogram;
    requires org.jfree.jfreechart;
    requires org.jfree.svg;
    requires java.desktop;

    exports dev.sab.reports.model;
    exports dev.sab.reports.format;
    exports dev.sab.reports.html;
    exports dev.sab.reports.compare;

    opens dev.sab.reports.model to com.fasterxml.jackson.databind;
    opens dev.sab.reports.compare to com.fasterxml.jackson.databind;
}
