package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sab.core.internal.Futex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SharedArrayBuffer#map} in one JVM: two mappings of one file stand in for two processes
 * (they share memory but not Java objects, so only the futex or polling can carry a wake-up from
 * one to the other). Both wait mechanisms, the wait results, and 64-bit waits.
 */
class MappedSharedArrayBufferTest {

    @TempDir
    Path dir;

    private SharedArrayBuffer map(String mechanism) {
        if (mechanism.equals("futex")) {
            assumeTrue(Futex.AVAILABLE, () -> "futex not available here: " + Futex.UNAVAILABLE_REASON);
        }
        return SharedArrayBuffer.map(dir.resolve("buffer.bin"), 64, mechanism.equals("futex"));
    }

    @Test
    void theDefaultIsTheFutexOnLinux() {
        SharedArrayBuffer sab = SharedArrayBuffer.map(dir.resolve("default.bin"), 8);
        if (System.getProperty("os.name").contains("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(sab.waitMechanism()).as("tests run with --enable-native-access=ALL-UNNAMED").isEqualTo("futex");
        }
        assertThat(new SharedArrayBuffer(8).waitMechanism()).isEqualTo("in-process");
    }

    @Test
    void fileIsCreatedExtendedAndShared() throws Exception {
        Path file = dir.resolve("shared.bin");
        SharedArrayBuffer a = SharedArrayBuffer.map(file, 13);
        SharedArrayBuffer b = SharedArrayBuffer.map(file, 13);
        assertThat(a.byteLength()).isEqualTo(13);
        assertThat(a.growable()).isFalse();
        assertThat(Files.size(file)).as("rounded up to 8").isEqualTo(16);
        Atomics.store(new Uint8Array(a), 12, 77);
        assertThat(Atomics.load(new Uint8Array(b), 12)).isEqualTo(77);
        Atomics.add(new Int32Array(a, 0, 3), 2, 5);
        assertThat(new Int32Array(b, 0, 3).get(2)).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"futex", "polling"})
    void immediateResults(String mechanism) {
        SharedArrayBuffer sab = map(mechanism);
        Int32Array ia = new Int32Array(sab);
        BigInt64Array wide = new BigInt64Array(sab);
        Atomics.store(ia, 0, 1);
        assertThat(Atomics.wait(ia, 0, 0)).isEqualTo(WaitResult.NOT_EQUAL);
        assertThat(Atomics.wait(ia, 0, 1, 0)).isEqualTo(WaitResult.TIMED_OUT);
        assertThat(Atomics.waitAsync(ia, 0, 0).value()).isEqualTo(WaitResult.NOT_EQUAL);
        assertThat(Atomics.waitAsync(ia, 0, 1, 0).value()).isEqualTo(WaitResult.TIMED_OUT);
        Atomics.store(wide, 1, 1L << 40);
        assertThat(Atomics.wait(wide, 1, 0)).as("all 64 bits compared").isEqualTo(WaitResult.NOT_EQUAL);
        assertThat(Atomics.notify(ia, 0)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"futex", "polling"})
    void timesOut(String mechanism) {
        SharedArrayBuffer sab = map(mechanism);
        long start = System.nanoTime();
        assertThat(Atomics.wait(new Int32Array(sab), 0, 0, 20)).isEqualTo(WaitResult.TIMED_OUT);
        assertThat(Atomics.wait(new BigInt64Array(sab), 0, 0, 20)).isEqualTo(WaitResult.TIMED_OUT);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40_000_000L);
    }

    /** A notify through the same mapping reaches the waiter: futex, or the local waiter list when polling. */
    @ParameterizedTest
    @ValueSource(strings = {"futex", "polling"})
    void notifyThroughTheSameMapping(String mechanism) throws Exception {
        Int32Array ia = new Int32Array(map(mechanism));
        AtomicReference<WaitResult> result = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> result.set(Atomics.wait(ia, 1, 0)));
        awaitNotifyCount(ia, 1, waiter, mechanism);
        waiter.join();
        assertThat(result.get()).isEqualTo(WaitResult.OK);
    }

    /**
     * A notify through a second mapping, as another process would send it: with the futex, a bare
     * notify (the element unchanged) wakes the waiter and counts it; with polling, the other side
     * cannot reach this JVM's list, so its notify counts nobody and the waiter ends on the change.
     */
    @ParameterizedTest
    @ValueSource(strings = {"futex", "polling"})
    void notifyThroughAnotherMapping(String mechanism) throws Exception {
        Int32Array here = new Int32Array(map(mechanism));
        Int32Array there = new Int32Array(map(mechanism));
        AtomicReference<WaitResult> result = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> result.set(Atomics.wait(here, 2, 0)));
        if (mechanism.equals("futex")) {
            awaitNotifyCount(there, 2, waiter, mechanism);
        } else {
            Waiting.untilParkedOrNative(waiter);
            Atomics.store(there, 2, 1);
            assertThat(Atomics.notify(there, 2)).isZero();
        }
        waiter.join();
        assertThat(result.get()).isEqualTo(WaitResult.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"futex", "polling"})
    void waitAsync_okAndTimedOut(String mechanism) throws Exception {
        SharedArrayBuffer sab = map(mechanism);
        Int32Array ia = new Int32Array(sab);
        WaitAsyncResult timed = Atomics.waitAsync(ia, 3, 0, 20);
        assertThat(timed.async()).isTrue();
        assertThat(timed.promise().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(WaitResult.TIMED_OUT);
        WaitAsyncResult woken = Atomics.waitAsync(ia, 3, 0);
        CompletableFuture<WaitResult> promise = woken.promise().toCompletableFuture();
        Int32Array there = new Int32Array(map(mechanism));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Atomics.store(there, 3, 1); // polling needs the change; the futex needs the wake below
        while (!promise.isDone() && System.nanoTime() < deadline) {
            Atomics.notify(there, 3);
            Thread.sleep(1);
        }
        assertThat(promise.get(30, TimeUnit.SECONDS)).isEqualTo(WaitResult.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"futex", "polling"})
    void bigInt64_wokenThroughAnotherMapping(String mechanism) throws Exception {
        BigInt64Array here = new BigInt64Array(map(mechanism));
        BigInt64Array there = new BigInt64Array(map(mechanism));
        AtomicReference<WaitResult> result = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> result.set(Atomics.wait(here, 2, 0)));
        Waiting.untilParkedOrNative(waiter);
        Atomics.store(there, 2, 1L << 40); // only the high half changes
        Atomics.notify(there, 2);
        waiter.join();
        assertThat(result.get()).isEqualTo(WaitResult.OK);
    }

    /** Notifies until the waiter has been counted: the waiter may not be in the kernel's queue yet. */
    private static void awaitNotifyCount(Int32Array ia, int index, Thread waiter, String mechanism) throws Exception {
        Waiting.untilParkedOrNative(waiter);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int woken = 0;
        while (woken == 0 && System.nanoTime() < deadline) {
            woken = Atomics.notify(ia, index);
            Thread.sleep(1);
        }
        assertThat(woken).as("notify counted the %s waiter", mechanism).isEqualTo(1);
    }
}
