package dev.sab.harness;

import dev.sab.harness.internal.ProcStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The resident-set reader agrees with the kernel's VmRSS, for a quiet process and for one whose
 * resident set is growing fast (a JVM starting, as every forked trial is when its watcher opens
 * the reader: that race once made every reading of a trial four times too large).
 */
class ResidentSetReaderTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void readsWhatVmRssSays() {
        long pid = ProcessHandle.current().pid();
        assumeThat(ProcStatus.bytes(pid, "VmRSS")).as("/proc is readable (Linux)").isPresent();
        try (ProcStatus.RssReader reader = ProcStatus.RssReader.open(pid)) {
            assertThat(reader).isNotNull();
            long rss = reader.rss();
            long vmRss = ProcStatus.bytes(pid, "VmRSS").orElseThrow();
            assertThat((double) rss).isCloseTo(vmRss, org.assertj.core.data.Offset.offset(0.1 * vmRss + 4 * MIB));
        }
    }

    @Test
    void readsAGrowingProcessAtTheRightScale() throws Exception {
        assumeThat(ProcStatus.bytes(ProcessHandle.current().pid(), "VmRSS")).as("/proc is readable (Linux)").isPresent();
        String java = ProcessHandle.current().info().command().orElse("java");
        // a JVM that touches 256 MiB as it starts and then stays
        Process child = new ProcessBuilder(java, "-Xms300m", "-Xmx300m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Sleeper.class.getName())
                .redirectErrorStream(true).start();
        try {
            // readers opened all through the child's start, as a watcher opens one at some moment of it
            List<ProcStatus.RssReader> readers = new ArrayList<>();
            try {
                long next = System.nanoTime();
                while (child.getInputStream().available() == 0 && child.isAlive()) {
                    // one every 20 us (a race needs tight reads), at most 900 (each holds a file open)
                    if (readers.size() < 900 && System.nanoTime() - next >= 0) {
                        next = System.nanoTime() + 20_000;
                        ProcStatus.RssReader reader = ProcStatus.RssReader.open(child.pid());
                        if (reader != null) {
                            readers.add(reader);
                        }
                    }
                    Thread.onSpinWait();
                }
                assertThat(child.getInputStream().read()).as("the child says it is ready").isEqualTo('r');
                assertThat(readers).isNotEmpty();
                long vmRss = ProcStatus.bytes(child.pid(), "VmRSS").orElseThrow();
                assertThat(vmRss).isGreaterThan(256 * MIB);
                for (ProcStatus.RssReader reader : readers) {
                    assertThat((double) reader.rss()).isCloseTo(vmRss, org.assertj.core.data.Offset.offset(0.1 * vmRss));
                }
            } finally {
                readers.forEach(ProcStatus.RssReader::close);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    /** The child: says it is ready once its heap is touched, then waits to be killed. */
    public static final class Sleeper {
        public static void main(String[] args) throws Exception {
            System.out.print('r');
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
