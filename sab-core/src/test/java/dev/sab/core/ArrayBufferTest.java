package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mirrors test262's {@code test/built-ins/ArrayBuffer/prototype/{transfer,resize,slice}}, in outline. */
class ArrayBufferTest {

    @Test
    void shape() {
        ArrayBuffer ab = new ArrayBuffer(8);
        assertThat(ab.byteLength()).isEqualTo(8);
        assertThat(ab.shared()).isFalse();
        assertThat(ab.growable()).isFalse();
        assertThat(ab.maxByteLength()).isEqualTo(8);
        assertThatThrownBy(() -> new ArrayBuffer(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ab.grow(8)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ab.resize(4)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void transfer_movesTheBytesAndDetaches() {
        ArrayBuffer ab = new ArrayBuffer(8);
        new Uint8Array(ab).set(7, 42);
        ArrayBuffer moved = ab.transfer();
        assertThat(ab.detached()).isTrue();
        assertThat(ab.byteLength()).isZero();
        assertThat(ab.maxByteLength()).isZero();
        assertThat(moved.detached()).isFalse();
        assertThat(moved.byteLength()).isEqualTo(8);
        assertThat(new Uint8Array(moved).get(7)).isEqualTo(42);
        assertThatThrownBy(ab::transfer).isInstanceOf(IllegalStateException.class).hasMessageContaining("detached");
        assertThatThrownBy(() -> ab.slice(0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transfer_withNewLength_truncatesOrZeroExtends() {
        ArrayBuffer ab = new ArrayBuffer(8);
        Uint8Array bytes = new Uint8Array(ab);
        for (int i = 0; i < 8; i++) {
            bytes.set(i, 0xFF);
        }
        ArrayBuffer shorter = ab.transfer(4);
        assertThat(shorter.byteLength()).isEqualTo(4);
        ArrayBuffer longer = shorter.transfer(64);
        assertThat(longer.byteLength()).isEqualTo(64);
        Uint8Array all = new Uint8Array(longer);
        for (int i = 0; i < 64; i++) {
            assertThat(all.get(i)).as("byte %d", i).isEqualTo(i < 4 ? 0xFF : 0);
        }
    }

    @Test
    void transfer_keepsResizability_transferToFixedLengthDrops() {
        ArrayBuffer ab = ArrayBuffer.growable(4, 16);
        ArrayBuffer moved = ab.transfer();
        assertThat(moved.growable()).isTrue();
        assertThat(moved.maxByteLength()).isEqualTo(16);
        ArrayBuffer fixed = moved.transferToFixedLength();
        assertThat(fixed.growable()).isFalse();
        assertThat(fixed.byteLength()).isEqualTo(4);
        assertThatThrownBy(() -> ArrayBuffer.growable(4, 16).transfer(17))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resize_shrinksAndGrows_grow_onlyGrows() {
        ArrayBuffer ab = ArrayBuffer.growable(8, 16);
        Uint8Array bytes = new Uint8Array(ab);
        bytes.set(7, 1);
        ab.resize(4);
        assertThat(ab.byteLength()).isEqualTo(4);
        assertThat(bytes.length()).isEqualTo(4);
        ab.grow(16);
        assertThat(bytes.get(7)).isZero();
        assertThatThrownBy(() -> ab.grow(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ab.resize(17)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ab.resize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slice_isAFixedCopy() {
        ArrayBuffer ab = ArrayBuffer.growable(8, 16);
        new Uint8Array(ab).set(1, 5);
        ArrayBuffer copy = ab.slice(1, 3);
        assertThat(copy.byteLength()).isEqualTo(2);
        assertThat(copy.growable()).isFalse();
        assertThat(new Uint8Array(copy).get(0)).isEqualTo(5);
        assertThat(ab.slice(-2).byteLength()).isEqualTo(2);
    }
}
