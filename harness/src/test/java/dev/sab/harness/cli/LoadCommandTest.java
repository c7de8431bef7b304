package dev.sab.harness.cli;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;
import dev.sab.workloads.Workload;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadCommandTest {

    @TempDir
    Path tmp;

    private static void assertOneLineUsageError(CliRun r, String... fragments) {
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as("stderr: %s", r.err()).hasSize(1);
        assertThat(r.err()).doesNotContain("\tat ").startsWith("sab: ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void loadsSabsHttpServerAndWritesItsReport() throws Exception {
        try (Scheduler scheduler = Schedulers.create("virtual")) {
            Workload http = Workloads.create("http", Map.of());
            http.setup(new WorkloadEnv(scheduler, 0, tmp, 1));
            try {
                InetSocketAddress a = http.externalLoad().orElseThrow().loadSpec(1, 1).target();
                Path report = tmp.resolve("report.properties");
                CliRun r = CliRun.of("load", "http://127.0.0.1:" + a.getPort() + "/heavy", "-n", "50", "-c", "2", "--report",
                        report.toString());
                assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
                assertThat(r.out()).contains("closed loop").containsPattern("/heavy\\s+50\\s+50\\s+0\\s+0");
                assertThat(report).exists();
                CliRun open = CliRun.of("load", "localhost:" + a.getPort(), "--route", "/light=3", "--route", "/heavy=1",
                        "-R", "500", "-n", "100", "-q");
                assertThat(open.exit()).as("stderr: %s", open.err()).isZero();
                assertThat(open.out()).isEmpty();
            } finally {
                http.teardown();
            }
        }
    }

    @Test
    void unansweredRequestsExitOneWithOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("load", "127.0.0.1:" + port, "-n", "5", "-c", "1", "--timeout", "1s");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("sab load: ").contains("5 requests were never sent");
    }

    @Test
    void badInputsAreOneLineWithExitTwo() {
        assertOneLineUsageError(CliRun.of("load", "example.com:80"), "bad host 'example.com'", "loopback");
        assertOneLineUsageError(CliRun.of("load", "192.0.2.1:80"), "loopback");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1"), "bad target '127.0.0.1'", "HOST:PORT");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1:99999"), "bad port 99999");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1:8080", "-R", "fast"), "bad value 'fast' for --rate", "or max");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1:8080", "-c", "0"), "bad value 0 for connections");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1:8080", "-d", "0s"), "bad value '0s' for --duration");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1:8080", "--route", "light"), "bad route path 'light'");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1:8080", "--route", "/a=x"), "bad route '/a=x'");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1:8080", "-n", "0"), "bad value 0 for requests");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1:8080", "--report", "/no/such/dir/r"), "bad --report");
        assertOneLineUsageError(CliRun.of("load", "127.0.0.1:8080", "--poisson"), "--poisson needs --rate");
    }

    @Test
    void serveRunsAServerWorkloadForItsDurationAndRefusesOthers() {
        CliRun r = CliRun.of("serve", "-s", "virtual", "-d", "300ms");
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out()).startsWith("listening on 127.0.0.1:").contains("served: {lightAnswered=0");
        assertOneLineUsageError(CliRun.of("serve", "-w", "sleep"), "workload 'sleep' is not a server", "valid: http");
        assertOneLineUsageError(CliRun.of("serve", "-s", "platform-pool"), "does not run on scheduler 'platform-pool'");
        assertOneLineUsageError(CliRun.of("serve", "-d", "soon"), "bad value 'soon' for --duration");
    }
}
