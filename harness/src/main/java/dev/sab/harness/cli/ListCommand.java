package dev.sab.harness.cli;

import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.Schedulers;
import dev.sab.schedulers.SettingInfo;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code sab list [schedulers|workloads]}: names, one-line descriptions, settings and parameters. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the schedulers and workloads, with their settings and parameters.")
final class ListCommand implements Callable<Integer> {

    enum What { schedulers, workloads, all }

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", paramLabel = "WHAT",
            description = "schedulers, workloads or all (default: all)")
    What what;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (what != What.workloads) {
            out.println("Schedulers (-s name[:key=value,...]):");
            for (SchedulerInfo s : Schedulers.available()) {
                out.printf("  %-16s %s%n", s.name(), s.description());
                for (SettingInfo setting : s.settings()) {
                    out.printf("  %-16s   %s=%s  %s%n", "", setting.name(), setting.defaultValue(), setting.description());
                }
            }
        }
        if (what == What.all) {
            out.println();
        }
        if (what != What.schedulers) {
            out.println("Workloads (-w name, -p key=value):");
            for (WorkloadInfo w : Workloads.available()) {
                out.printf("  %-16s [%s] %s%n", w.name(), w.kind(), w.description());
                for (ParamInfo p : w.params()) {
                    out.printf("  %-16s   %s=%s  %s (%s)%n", "", p.name(), p.defaultValue(), p.description(), p.valid());
                }
            }
        }
        return ExitCodes.OK;
    }
}
