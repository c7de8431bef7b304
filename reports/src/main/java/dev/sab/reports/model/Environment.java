package dev.sab.reports.model;

import java.util.List;
import java.util.Map;

/**
 * Where and how a run happened, so a result can be defended (or dismissed) later.
 *
 * @param sabVersion  sab's version
 * @param gitCommit   the commit sab was built from, when known
 * @param jdkVendor   the JDK's vendor
 * @param jdkVersion  the JDK's full version
 * @param jvmFlags    the flags of the JVM that ran the harness
 * @param cpuModel    from /proc/cpuinfo when readable
 * @param cores       available processors
 * @param memoryBytes physical memory
 * @param os          OS name and version
 * @param kernel      kernel release
 * @param commandLine the full sab command
 * @param startTime   ISO-8601, with offset
 * @param settings    run-wide settings: the CPU unit's calibration, fork mode, trials, warm-up...
 * @param hostname    the machine's name, to tell apart the shards of a sweep run on many machines
 */
public record Environment(String sabVersion, String gitCommit, String jdkVendor, String jdkVersion,
                          List<String> jvmFlags, String cpuModel, int cores, long memoryBytes, String os,
                          String kernel, String commandLine, String startTime, Map<String, Object> settings,
                          String hostname) {
    public Environment {
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
