package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sab.core.internal.Futex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two JVM processes share a memory-mapped {@link SharedArrayBuffer} and increment one counter with
 * {@code Atomics.add} and another under a {@link Lock}, to the exact total. They meet at a
 * {@link Latch} first, so the work overlaps and the lock is contended across processes; its waits
 * cross the process boundary through the futex, or through polling where the futex is not used.
 */
class TwoProcessMappedBufferTest {

    private static final int ITERATIONS = 20_000;

    @ParameterizedTest
    @ValueSource(strings = {"futex", "polling"})
    void twoProcessesCountToTheExactTotal(String mechanism, @TempDir Path dir) throws Exception {
        if (mechanism.equals("futex")) {
            assumeTrue(Futex.AVAILABLE, () -> "futex not available here: " + Futex.UNAVAILABLE_REASON);
        }
        Path file = dir.resolve("shared.bin");
        SharedArrayBuffer sab = SharedArrayBuffer.map(file, MappedCounterProcess.BYTES, mechanism.equals("futex"));
        assertThat(sab.waitMechanism()).isEqualTo(mechanism);
        Int32Array ia = new Int32Array(sab);
        Latch.initialize(ia, MappedCounterProcess.STARTED, 2);
        Latch.initialize(ia, MappedCounterProcess.FINISHED, 2);

        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-ea",
                "-cp", System.getProperty("java.class.path"),
                MappedCounterProcess.class.getName(), file.toString(), String.valueOf(ITERATIONS), mechanism))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            MappedCounterProcess.run(sab, ITERATIONS);
            assertThat(new Latch(ia, MappedCounterProcess.FINISHED).await(120_000))
                    .as("the child finished; its output: %s", Files.exists(log) ? Files.readString(log) : "")
                    .isTrue();
            if (mechanism.equals("futex")) {
                // The child now sleeps in the kernel on an element nobody changes: only a futex wake
                // from this process can end its wait, and notify counts the other process's waiter.
                int woken = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (woken == 0 && child.isAlive() && System.nanoTime() < deadline) {
                    woken = Atomics.notify(ia, MappedCounterProcess.BARE_NOTIFY);
                    Thread.sleep(5);
                }
                assertThat(woken).as("waiters in the other process woken by one notify").isEqualTo(1);
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("child exit; output: %s", Files.readString(log)).isZero();
        } finally {
            child.destroyForcibly();
        }
        assertThat(Atomics.load(ia, MappedCounterProcess.ATOMIC_COUNTER)).isEqualTo(2L * ITERATIONS);
        assertThat(Atomics.load(ia, MappedCounterProcess.LOCKED_COUNTER)).isEqualTo(2L * ITERATIONS);
        assertThat(Atomics.load(ia, MappedCounterProcess.LOCK)).as("lock word when free").isZero();
    }
}
