/**
 * The Scheduler SPI ({@link dev.sab.schedulers.Scheduler}, {@link dev.sab.schedulers.Ctx},
 * {@link dev.sab.schedulers.Task}) and its implementations. Only the SPI package is exported;
 * each scheduler is reached through {@link dev.sab.schedulers.Schedulers#create(String)}.
 */
module dev.sab.schedulers {
    requires transitive dev.sab.core;
    requires jdk.management;
    requires transitive HdrHistogram;

    exports dev.sab.schedulers;
    exports dev.sab.schedulers.eventloop;

    uses dev.sab.schedulers.SchedulerProvider;
}
