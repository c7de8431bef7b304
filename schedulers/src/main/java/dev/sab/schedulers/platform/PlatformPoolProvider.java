package dev.sab.schedulers.platform;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.SchedulerProvider;
import dev.sab.schedulers.SettingInfo;
import dev.sab.schedulers.Settings;

import java.util.List;

/** Registers {@code platform-pool:threads=N}. */
public final class PlatformPoolProvider implements SchedulerProvider {
    @Override
    public SchedulerInfo info() {
        return new SchedulerInfo("platform-pool", "a fixed pool of OS threads with one FIFO queue",
                List.of(new SettingInfo("threads", SettingInfo.Type.POSITIVE_INT,
                        Integer.toString(Runtime.getRuntime().availableProcessors()),
                        "threads in the pool (default: the number of cores)")));
    }

    @Override
    public Scheduler create(Settings settings) {
        return new PlatformPoolScheduler(settings.intValue("threads"));
    }

    @Override
    public boolean waitsHoldThreads() {
        return true;
    }

    @Override
    public List<String> contractVariants() {
        return List.of("platform-pool", "platform-pool:threads=1");
    }
}
