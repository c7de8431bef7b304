package dev.sab.schedulers;

import java.util.List;

/**
 * What {@link Schedulers#available()} says of one scheduler.
 *
 * @param name        the name used in specs
 * @param description one line
 * @param settings    the settings it takes, with their defaults
 */
public record SchedulerInfo(String name, String description, List<SettingInfo> settings) {
    public SchedulerInfo {
        settings = List.copyOf(settings);
    }
}
