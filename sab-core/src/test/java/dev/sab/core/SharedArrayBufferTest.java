package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Mirrors test262's {@code test/built-ins/SharedArrayBuffer/prototype/{grow,slice,growable,maxByteLength}}
 * and the constructor's length checks.
 */
class SharedArrayBufferTest {

    @Test
    void fixedLength() {
        SharedArrayBuffer sab = new SharedArrayBuffer(16);
        assertThat(sab.byteLength()).isEqualTo(16);
        assertThat(sab.growable()).isFalse();
        assertThat(sab.maxByteLength()).isEqualTo(16);
        assertThat(sab.shared()).isTrue();
        assertThat(sab.detached()).isFalse();
        assertThat(new SharedArrayBuffer(0).byteLength()).isZero();
        assertThatThrownBy(() -> new SharedArrayBuffer(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growable() {
        SharedArrayBuffer sab = SharedArrayBuffer.growable(4, 16);
        assertThat(sab.growable()).isTrue();
        assertThat(sab.byteLength()).isEqualTo(4);
        assertThat(sab.maxByteLength()).isEqualTo(16);
        assertThatThrownBy(() -> SharedArrayBuffer.growable(17, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedArrayBuffer.growable(-1, 16)).isInstanceOf(IllegalArgumentException.class);
    }

    /** grow/grow-larger-size.js */
    @Test
    void grow_larger() {
        SharedArrayBuffer sab = SharedArrayBuffer.growable(4, 5);
        sab.grow(5);
        assertThat(sab.byteLength()).isEqualTo(5);
    }

    /** grow/grow-same-size.js: allowed, and nothing changes. */
    @Test
    void grow_sameSize() {
        SharedArrayBuffer sab = SharedArrayBuffer.growable(4, 5);
        sab.grow(4);
        assertThat(sab.byteLength()).isEqualTo(4);
    }

    /** grow/grow-smaller-size.js: a RangeError. */
    @Test
    void grow_smaller_isIllegalArgument() {
        SharedArrayBuffer sab = SharedArrayBuffer.growable(4, 5);
        assertThatThrownBy(() -> sab.grow(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3").hasMessageContaining("4");
        assertThat(sab.byteLength()).isEqualTo(4);
    }

    /** grow/new-length-excessive.js and new-length-negative.js: RangeErrors. */
    @Test
    void grow_beyondMaxOrNegative_isIllegalArgument() {
        SharedArrayBuffer sab = SharedArrayBuffer.growable(4, 5);
        assertThatThrownBy(() -> sab.grow(6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6").hasMessageContaining("5");
        assertThatThrownBy(() -> sab.grow(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sab.byteLength()).isEqualTo(4);
    }

    /** grow/this-is-sharedarraybuffer-not-growable: a TypeError. */
    @Test
    void grow_fixedLength_isUnsupported() {
        SharedArrayBuffer sab = new SharedArrayBuffer(4);
        assertThatThrownBy(() -> sab.grow(4)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void grow_newBytesAreZeroAndOldBytesKept() {
        SharedArrayBuffer sab = SharedArrayBuffer.growable(4, 64);
        Uint8Array bytes = new Uint8Array(sab);
        bytes.set(3, 9);
        sab.grow(64);
        assertThat(bytes.length()).isEqualTo(64);
        assertThat(bytes.get(3)).isEqualTo(9);
        for (int i = 4; i < 64; i++) {
            assertThat(bytes.get(i)).isZero();
        }
    }

    /** Concurrent grows are linearisable: the length ends at the largest request and never shrinks. */
    @Test
    void grow_concurrently_endsAtTheLargestRequest() throws Exception {
        SharedArrayBuffer sab = SharedArrayBuffer.growable(0, 1 << 16);
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> all = new ArrayList<>();
        int[] failuresFromShrinkAttempts = new int[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            all.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                for (int len = id; len <= (1 << 16) - threads + id; len += threads) {
                    int before = sab.byteLength();
                    try {
                        sab.grow(len);
                    } catch (IllegalArgumentException smaller) {
                        failuresFromShrinkAttempts[id]++;
                    }
                    assertThat(sab.byteLength()).isGreaterThanOrEqualTo(before);
                }
            }));
        }
        for (Thread t : all) {
            t.join();
        }
        assertThat(sab.byteLength()).isEqualTo((1 << 16) - 1);
    }

    /** slice/ tests: relative indices, clamping, a copy. */
    @Test
    void slice() {
        SharedArrayBuffer sab = new SharedArrayBuffer(8);
        Uint8Array bytes = new Uint8Array(sab);
        for (int i = 0; i < 8; i++) {
            bytes.set(i, i + 1);
        }
        SharedArrayBuffer middle = sab.slice(2, 5);
        assertThat(middle.byteLength()).isEqualTo(3);
        assertThat(new Uint8Array(middle).get(0)).isEqualTo(3);
        assertThat(middle.growable()).isFalse();
        assertThat(sab.slice(-4).byteLength()).isEqualTo(4);
        assertThat(new Uint8Array(sab.slice(-4)).get(0)).isEqualTo(5);
        assertThat(sab.slice(2, 1).byteLength()).isZero();
        assertThat(sab.slice(-100, 100).byteLength()).isEqualTo(8);
        assertThat(sab.slice(0, -1).byteLength()).isEqualTo(7);
        new Uint8Array(middle).set(0, 99);
        assertThat(bytes.get(2)).as("a slice is a copy").isEqualTo(3);
    }
}
