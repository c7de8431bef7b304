package dev.sab.schedulers.virtual;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.SchedulerProvider;
import dev.sab.schedulers.SettingInfo;
import dev.sab.schedulers.Settings;

import java.util.List;

/**
 * Registers {@code virtual[:parallelism=N]}. The JDK reads its scheduler's parallelism once per
 * JVM, from {@value #PARALLELISM_PROPERTY}, so a parallelism other than this JVM's needs a JVM of
 * its own: {@link #jvmArgs} says which flag, and the harness forks one per trial.
 */
public final class VirtualProvider implements SchedulerProvider {
    static final String PARALLELISM_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    @Override
    public SchedulerInfo info() {
        return new SchedulerInfo("virtual", "JDK virtual threads on the JDK's default ForkJoinPool scheduler",
                List.of(new SettingInfo("parallelism", SettingInfo.Type.POSITIVE_INT,
                        Integer.toString(Runtime.getRuntime().availableProcessors()),
                        "carrier threads of the JDK scheduler (default: the number of cores; needs its own JVM)")));
    }

    @Override
    public Scheduler create(Settings settings) {
        int wanted = settings.intValue("parallelism");
        int actual = VirtualScheduler.jvmParallelism();
        if (wanted != actual) {
            throw new IllegalStateException("virtual:parallelism=" + wanted + " needs a JVM started with -D"
                    + PARALLELISM_PROPERTY + "=" + wanted + " (this one has " + actual
                    + "); the harness forks one per trial unless run with --no-fork");
        }
        return new VirtualScheduler();
    }

    @Override
    public List<String> jvmArgs(Settings settings) {
        return List.of("-D" + PARALLELISM_PROPERTY + "=" + settings.intValue("parallelism"));
    }
}
