/**
 * The result model (immutable records, JSON schema "sab.results/1") and the formats that turn it
 * into files a person reads. Knows nothing of schedulers or workloads: only the model.
 */
module dev.sab.reports {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive HdrHistogram;

    exports dev.sab.reports.model;
    exports dev.sab.reports.format;

    opens dev.sab.reports.model to com.fasterxml.jackson.databind;
}
