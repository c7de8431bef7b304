package dev.sab.schedulers.platform;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.SchedulerProvider;
import dev.sab.schedulers.Settings;

import java.util.List;

/** Registers {@code platform}. */
public final class PlatformProvider implements SchedulerProvider {
    @Override
    public SchedulerInfo info() {
        return new SchedulerInfo("platform", "one OS thread per task (thread-per-request)", List.of());
    }

    @Override
    public Scheduler create(Settings settings) {
        return new PlatformScheduler();
    }
}
