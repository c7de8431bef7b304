package dev.sab.schedulers;

import dev.sab.schedulers.eventloop.scheduler.EventLoopClusterProvider;
import dev.sab.schedulers.eventloop.scheduler.EventLoopProvider;
import dev.sab.schedulers.gmp.GmpProvider;
import dev.sab.schedulers.platform.PlatformPoolProvider;
import dev.sab.schedulers.platform.PlatformProvider;
import dev.sab.schedulers.virtual.VirtualProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The registry of schedulers: builds one from a spec string and lists what exists.
 *
 * <p>sab's own schedulers are listed in {@code PROVIDERS}. Others are discovered with
 * {@link ServiceLoader} ({@code META-INF/services/dev.sab.schedulers.SchedulerProvider} on the class
 * path, or {@code provides} in a module), after the built-in ones: that is how a test class path
 * contributes a fake scheduler that forked trial JVMs, which share the class path, can also build.
 */
public final class Schedulers {

    private static final List<SchedulerProvider> PROVIDERS = List.of(
            new PlatformProvider(),
            new PlatformPoolProvider(),
            new VirtualProvider(),
            new GmpProvider(),
            new EventLoopProvider(),
            new EventLoopClusterProvider());

    /** {@code PROVIDERS}, then the discovered ones. */
    private static final List<SchedulerProvider> ALL = withDiscovered(PROVIDERS);

    private Schedulers() {
    }

    /** Every registered scheduler, in a stable order. */
    public static List<SchedulerInfo> available() {
        return ALL.stream().map(SchedulerProvider::info).toList();
    }

    /** The providers, for the harness (JVM flags) and the contract tests (variants). */
    public static List<SchedulerProvider> providers() {
        return ALL;
    }

    /**
     * Builds a scheduler from {@code name[:key=value,...]}.
     *
     * @throws IllegalArgumentException for an unknown name or setting, or a bad value; the message
     *                                  lists what is valid
     */
    public static Scheduler create(String spec) {
        SchedulerSpec parsed = SchedulerSpec.parse(spec);
        SchedulerProvider provider = provider(parsed.name());
        return provider.create(settings(provider, parsed));
    }

    /** The provider named {@code name}, or an error listing the valid names. */
    public static SchedulerProvider provider(String name) {
        return ALL.stream()
                .filter(p -> p.info().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scheduler '" + name + "'; valid: "
                        + ALL.stream().map(p -> p.info().name()).collect(Collectors.joining(", "))));
    }

    /**
     * Validates a spec's settings against its provider and fills in the defaults.
     *
     * @throws IllegalArgumentException for an unknown key (listing the valid ones) or a bad value
     */
    public static Settings settings(SchedulerProvider provider, SchedulerSpec spec) {
        SchedulerInfo info = provider.info();
        Map<String, SettingInfo> declared = new LinkedHashMap<>();
        info.settings().forEach(s -> declared.put(s.name(), s));
        for (String key : spec.settings().keySet()) {
            if (!declared.containsKey(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "' for scheduler '" + info.name() + "'; valid: "
                        + (declared.isEmpty() ? "none (it takes no settings)" : String.join(", ", declared.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (SettingInfo s : declared.values()) {
            String raw = spec.settings().getOrDefault(s.name(), s.defaultValue());
            values.put(s.name(), s.parse(info.name(), raw));
            written.put(s.name(), raw);
        }
        return new Settings(info.name(), values, written);
    }

    /** Validates {@code spec} without building anything; returns the settings in force. */
    public static Settings validate(String spec) {
        SchedulerSpec parsed = SchedulerSpec.parse(spec);
        return settings(provider(parsed.name()), parsed);
    }

    /**
     * {@code builtIn} followed by every provider {@link ServiceLoader} finds whose name is not taken.
     *
     * @throws IllegalStateException when two different provider classes claim one name
     */
    static List<SchedulerProvider> withDiscovered(List<SchedulerProvider> builtIn) {
        List<SchedulerProvider> all = new ArrayList<>(builtIn);
        for (SchedulerProvider found : ServiceLoader.load(SchedulerProvider.class, Schedulers.class.getClassLoader())) {
            String name = found.info().name();
            SchedulerProvider same = all.stream().filter(p -> p.info().name().equals(name)).findFirst().orElse(null);
            if (same == null) {
                all.add(found);
            } else if (same.getClass() != found.getClass()) {
                throw new IllegalStateException("two schedulers are named '" + name + "': " + same.getClass().getName()
                        + " and " + found.getClass().getName());
            }
        }
        return List.copyOf(all);
    }

    /** The JVM flags a trial process needs to run {@code spec}. */
    public static List<String> jvmArgs(String spec) {
        SchedulerSpec parsed = SchedulerSpec.parse(spec);
        SchedulerProvider provider = provider(parsed.name());
        return provider.jvmArgs(settings(provider, parsed));
    }
}
