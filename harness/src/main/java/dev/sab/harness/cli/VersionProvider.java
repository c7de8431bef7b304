package dev.sab.harness.cli;

import dev.sab.harness.EnvironmentProbe;
import picocli.CommandLine;

/** {@code sab --version}: sab's version and commit, and the JDK it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String commit = EnvironmentProbe.gitCommit();
        return new String[] {
                "sab " + EnvironmentProbe.version() + (commit == null ? "" : " (" + commit + ")"),
                "JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
