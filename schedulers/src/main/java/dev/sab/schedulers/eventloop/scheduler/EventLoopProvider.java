package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.SchedulerProvider;
import dev.sab.schedulers.SettingInfo;
import dev.sab.schedulers.Settings;
import dev.sab.schedulers.eventloop.EventLoopOptions;
import dev.sab.schedulers.eventloop.internal.ThreadPool;

import java.util.List;

/**
 * {@code eventloop[:threadpool=4,workers=0,offload=1000,canblock=off,watchdog=0s]}: one Node.js-style
 * loop; tasks are coroutines on it. {@code workers=N} offloads {@code cpu} calls of at least
 * {@code offload} units to a pool of N worker loops.
 */
public final class EventLoopProvider implements SchedulerProvider {
    static final List<SettingInfo> COMMON = List.of(
            new SettingInfo("threadpool", SettingInfo.Type.POSITIVE_INT, String.valueOf(ThreadPool.DEFAULT_SIZE),
                    "threads in the libuv-style pool for blocking calls (UV_THREADPOOL_SIZE; libuv caps it at " + ThreadPool.MAX_SIZE + ")"),
            new SettingInfo("workers", SettingInfo.Type.NON_NEGATIVE_INT, "0",
                    "worker threads that cpu work is offloaded to (a Piscina-like pool); 0 runs it on the loop, blocking it"),
            new SettingInfo("offload", SettingInfo.Type.NON_NEGATIVE_INT, "1000",
                    "with workers: the smallest cpu call (in units of ~1 µs) sent to the pool; shorter ones run on the loop, as a service keeps quick work off Piscina"),
            new SettingInfo("canblock", SettingInfo.Type.ON_OFF, "off",
                    "whether the loop may block in Atomics.wait: off is a browser main thread, on is Node's"),
            new SettingInfo("watchdog", SettingInfo.Type.DURATION, "0s",
                    "report a loop blocked or starved this long (0s: off), as Vert.x's blocked-thread checker"));

    @Override
    public SchedulerInfo info() {
        return new SchedulerInfo("eventloop",
                "a Node.js/libuv event loop: one thread, libuv's phases, Node's timers, nextTick and promise queues; tasks are coroutines on it",
                COMMON);
    }

    @Override
    public Scheduler create(Settings settings) {
        return new EventLoopScheduler("eventloop", 1, options(settings, "eventloop"), offload(settings));
    }

    static CpuOffload offload(Settings settings) {
        return new CpuOffload(settings.intValue("workers"), settings.intValue("offload"));
    }

    static EventLoopOptions options(Settings settings, String name) {
        int pool = Math.min(settings.intValue("threadpool"), ThreadPool.MAX_SIZE); // libuv clamps UV_THREADPOOL_SIZE the same way
        EventLoopOptions.Builder b = EventLoopOptions.builder().name(name).threadPoolSize(pool)
                .canBlock(settings.onOff("canblock"));
        if (!settings.duration("watchdog").isZero()) {
            b.watchdog(settings.duration("watchdog"), stall -> System.err.println("sab watchdog: " + stall), false);
        }
        return b.build();
    }

    @Override
    public List<String> contractVariants() {
        return List.of("eventloop", "eventloop:workers=2");
    }
}
