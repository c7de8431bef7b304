package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.SchedulerProvider;
import dev.sab.schedulers.SettingInfo;
import dev.sab.schedulers.Settings;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code eventloop-cluster:loops=N}: N independent event loops, each with its own thread pool, as
 * Node's cluster module runs N processes; tasks are assigned round-robin, and a listening socket is
 * shared by all of them.
 */
public final class EventLoopClusterProvider implements SchedulerProvider {

    @Override
    public SchedulerInfo info() {
        List<SettingInfo> settings = new ArrayList<>();
        settings.add(new SettingInfo("loops", SettingInfo.Type.POSITIVE_INT,
                String.valueOf(Runtime.getRuntime().availableProcessors()),
                "independent event loops (Node cluster workers); default: one per core"));
        settings.addAll(EventLoopProvider.COMMON);
        return new SchedulerInfo("eventloop-cluster",
                "N independent Node.js-style event loops with round-robin task assignment, like Node's cluster module", settings);
    }

    @Override
    public Scheduler create(Settings settings) {
        return new EventLoopScheduler("eventloop-cluster", settings.intValue("loops"),
                EventLoopProvider.options(settings, "eventloop-cluster"), EventLoopProvider.offload(settings));
    }

    @Override
    public List<String> contractVariants() {
        return List.of("eventloop-cluster:loops=2");
    }
}
