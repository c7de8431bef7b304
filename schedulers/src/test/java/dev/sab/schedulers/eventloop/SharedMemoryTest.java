package dev.sab.schedulers.eventloop;

import dev.sab.core.ArrayBuffer;
import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import dev.sab.core.Uint8Array;
import dev.sab.core.WaitResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Workers and sab-core: shared memory is shared, buffers are copied or moved, agents may or may not block. */
class SharedMemoryTest {

    @Test
    void aSharedArrayBufferPostedToWorkersIsSharedNotCopied() {
        Int32Array counter = new Int32Array(new SharedArrayBuffer(4));
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                for (int w = 0; w < 2; w++) {
                    new Worker(ctx -> {
                        Int32Array c = new Int32Array((SharedArrayBuffer) ctx.workerData());
                        for (int i = 0; i < 10_000; i++) {
                            Atomics.add(c, 0, 1);
                        }
                    }, counter.buffer());
                }
            });
        }
        assertThat(Atomics.load(counter, 0)).isEqualTo(20_000);
    }

    @Test
    void aTransferredArrayBufferMovesAndTheSendersCopyIsDetached() {
        List<String> seen = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Worker w = new Worker(ctx -> ctx.parentPort().onMessage(m -> {
                    Uint8Array bytes = (Uint8Array) m;
                    ctx.parentPort().postMessage("worker got " + bytes.length() + " bytes, first " + bytes.get(0));
                    ctx.parentPort().close();
                }));
                ArrayBuffer buffer = new ArrayBuffer(16);
                Uint8Array view = new Uint8Array(buffer);
                view.set(0, 7);
                w.postMessage(view, List.of(buffer));
                seen.add("sender's buffer after posting: " + buffer.byteLength() + " bytes, detached " + buffer.detached());
                w.onMessage(m -> seen.add((String) m));
            });
        }
        assertThat(seen).containsExactly("sender's buffer after posting: 0 bytes, detached true", "worker got 16 bytes, first 7");
    }

    @Test
    void anArrayBufferNotTransferredIsCopied() {
        List<String> seen = new ArrayList<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Worker w = new Worker(ctx -> ctx.parentPort().onMessage(m -> {
                    Uint8Array copy = (Uint8Array) m;
                    copy.set(0, 99);
                    ctx.parentPort().postMessage("worker set its copy to " + copy.get(0));
                    ctx.parentPort().close();
                }));
                Uint8Array original = new Uint8Array(new ArrayBuffer(4));
                original.set(0, 1);
                w.postMessage(original);
                w.onMessage(m -> seen.add(m + "; sender still has " + original.get(0)));
            });
        }
        assertThat(seen).containsExactly("worker set its copy to 99; sender still has 1");
    }

    @Test
    void aBrowserStyleLoopMayNotBlockButItsWorkersMay() {
        List<String> seen = new ArrayList<>();
        Int32Array cell = new Int32Array(new SharedArrayBuffer(4));
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                try {
                    Atomics.wait(cell, 0, 0, 10);
                    seen.add("main blocked?");
                } catch (IllegalStateException e) {
                    seen.add("main may not block: " + e.getMessage().contains("waitAsync"));
                }
                new Worker(ctx -> {
                    WaitResult r = Atomics.wait(cell, 0, 0, 10);
                    ctx.parentPort().postMessage("worker waited: " + r);
                }).onMessage(m -> seen.add((String) m));
            });
        }
        assertThat(seen).containsExactly("main may not block: true", "worker waited: timed-out");
    }

    @Test
    void onANodeStyleLoopAtomicsWaitInACoroutineBlocksTheWholeLoop() throws Exception {
        Int32Array cell = new Int32Array(new SharedArrayBuffer(4));
        List<String> order = new ArrayList<>();
        Thread notifier = Thread.ofPlatform().unstarted(() -> {
            try {
                Thread.sleep(80);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Atomics.store(cell, 0, 1);
            Atomics.notify(cell, 0);
        });
        try (EventLoop loop = EventLoop.create(EventLoopOptions.builder().canBlock(true).build())) {
            loop.run(() -> {
                loop.setTimeout(() -> order.add("timer due at 5 ms"), 5);
                notifier.start();
                loop.async(() -> {
                    order.add("wait: " + Atomics.wait(cell, 0, 0)); // Node's main thread may block, and does
                    return null;
                });
            });
        }
        notifier.join();
        assertThat(order).containsExactly("wait: ok", "timer due at 5 ms");
    }
}
