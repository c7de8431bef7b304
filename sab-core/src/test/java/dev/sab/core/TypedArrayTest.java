package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Typed view construction, bounds, length tracking and element conversion. */
class TypedArrayTest {

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void shapes(IntKind kind) {
        SharedArrayBuffer sab = new SharedArrayBuffer(64);
        IntegerTypedArray view = kind.view(sab, 8, 4);
        assertThat(view.length()).isEqualTo(4);
        assertThat(view.byteOffset()).isEqualTo(8);
        assertThat(view.byteLength()).isEqualTo(4 * kind.bytes());
        assertThat(view.bytesPerElement()).isEqualTo(kind.bytes());
        assertThat(view.buffer()).isSameAs(sab);
        assertThat(view.lengthTracking()).isFalse();
    }

    @Test
    void constructorsWithoutLength() {
        SharedArrayBuffer sab = new SharedArrayBuffer(64);
        assertThat(new Int32Array(sab).length()).isEqualTo(16);
        assertThat(new Int32Array(sab, 8).length()).isEqualTo(14);
        assertThat(new Int32Array(sab, 64).length()).isEqualTo(0);
        assertThat(new Int16Array(sab, 2).length()).isEqualTo(31);
    }

    @Test
    void ownBufferConstructor() {
        Int32Array view = new Int32Array(10);
        assertThat(view.length()).isEqualTo(10);
        assertThat(view.buffer()).isInstanceOf(ArrayBuffer.class);
        assertThat(view.buffer().shared()).isFalse();
        assertThat(view.buffer().byteLength()).isEqualTo(40);
        assertThat(view.get(9)).isZero();
        assertThatThrownBy(() -> new Int32Array(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Float64Array(Integer.MAX_VALUE / 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unalignedByteOffset_isAnError() {
        SharedArrayBuffer sab = new SharedArrayBuffer(64);
        assertThatThrownBy(() -> new Int32Array(sab, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> new BigInt64Array(sab, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Uint16Array(sab, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Float64Array(sab, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Int8Array(sab, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Int8Array(sab, 3).length()).isEqualTo(61);
    }

    @Test
    void viewPastTheEnd_isAnError() {
        SharedArrayBuffer sab = new SharedArrayBuffer(16);
        assertThatThrownBy(() -> new Int32Array(sab, 8, 3))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("16");
        assertThatThrownBy(() -> new Int32Array(sab, 20)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Int32Array(sab, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Int32Array(sab, 8, 2).length()).isEqualTo(2);
    }

    @Test
    void fixedBufferWhoseRestIsNotAMultiple_isAnError() {
        SharedArrayBuffer sab = new SharedArrayBuffer(10);
        assertThatThrownBy(() -> new Int32Array(sab))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 4");
        assertThat(new Int32Array(sab, 0, 2).length()).isEqualTo(2);
    }

    @Test
    void getAndSetOutOfRange_throw() {
        Int32Array view = new Int32Array(new SharedArrayBuffer(16));
        assertThatThrownBy(() -> view.get(4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("4");
        assertThatThrownBy(() -> view.set(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        Float64Array doubles = new Float64Array(new SharedArrayBuffer(16));
        assertThatThrownBy(() -> doubles.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void setWrapsGetReadsInOwnType(IntKind kind) {
        IntegerTypedArray view = kind.view(new SharedArrayBuffer(8), 0, 8 / kind.bytes());
        for (long value : new long[] {0, 1, -1, 127, 128, 255, 256, 300, -129, 65535, 65536, 1L << 31, 1L << 32,
                (1L << 32) - 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            view.set(0, value);
            assertThat(view.get(0)).as("%s set(%d)", kind, value).isEqualTo(kind.wrap(value));
        }
    }

    @Test
    void viewsOfOneBufferAlias() {
        SharedArrayBuffer sab = new SharedArrayBuffer(8);
        Int32Array ints = new Int32Array(sab);
        Uint8Array bytes = new Uint8Array(sab);
        ints.set(0, 0x01020304);
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        assertThat(bytes.get(0)).isEqualTo(little ? 4 : 1);
        BigInt64Array longs = new BigInt64Array(sab);
        longs.set(0, -1);
        assertThat(ints.get(1)).isEqualTo(-1);
    }

    @Test
    void floats() {
        Float32Array f32 = new Float32Array(new SharedArrayBuffer(8));
        f32.set(0, 0.1);
        assertThat(f32.get(0)).isEqualTo((double) 0.1f);
        f32.set(1, Double.NaN);
        assertThat(f32.get(1)).isNaN();
        f32.set(1, 1e300);
        assertThat(f32.get(1)).isEqualTo(Double.POSITIVE_INFINITY);
        Float64Array f64 = new Float64Array(2);
        f64.set(1, Math.PI);
        assertThat(f64.get(1)).isEqualTo(Math.PI);
        assertThat(Float64Array.BYTES_PER_ELEMENT).isEqualTo(8);
        assertThat(Float32Array.BYTES_PER_ELEMENT).isEqualTo(4);
    }

    @Test
    void lengthTrackingViewFollowsAGrowableBuffer() {
        SharedArrayBuffer sab = SharedArrayBuffer.growable(4, 16);
        Int32Array tracking = new Int32Array(sab);
        Int32Array fromOffset = new Int32Array(sab, 4);
        Int32Array fixed = new Int32Array(sab, 0, 1);
        assertThat(tracking.lengthTracking()).isTrue();
        assertThat(fixed.lengthTracking()).isFalse();
        assertThat(tracking.length()).isEqualTo(1);
        assertThat(fromOffset.length()).isEqualTo(0);
        assertThatThrownBy(() -> tracking.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        sab.grow(14);
        assertThat(tracking.length()).as("floor(14 / 4)").isEqualTo(3);
        assertThat(fromOffset.length()).isEqualTo(2);
        assertThat(fixed.length()).isEqualTo(1);
        assertThat(tracking.get(2)).as("grown bytes read as zero").isZero();
        Atomics.store(tracking, 2, 42);
        assertThat(fromOffset.get(1)).isEqualTo(42);
    }

    @Test
    void viewOfAResizableArrayBufferGoesOutOfBoundsWhenItShrinks() {
        ArrayBuffer ab = ArrayBuffer.growable(16, 32);
        Int32Array fixed = new Int32Array(ab, 8, 2);
        Int32Array tracking = new Int32Array(ab, 8);
        fixed.set(1, 7);
        ab.resize(12);
        assertThat(fixed.length()).isZero();
        assertThat(fixed.byteOffset()).as("0 when out of bounds, as in ECMAScript").isZero();
        assertThat(tracking.length()).isEqualTo(1);
        assertThatThrownBy(() -> fixed.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
        ab.resize(16);
        assertThat(fixed.length()).isEqualTo(2);
        assertThat(fixed.get(1)).as("bytes dropped by the shrink come back as zero").isZero();
    }

    @Test
    void viewOfADetachedBuffer() {
        ArrayBuffer ab = new ArrayBuffer(16);
        Int32Array view = new Int32Array(ab);
        view.set(0, 5);
        ArrayBuffer moved = ab.transfer();
        assertThat(view.length()).isZero();
        assertThat(view.byteLength()).isZero();
        assertThatThrownBy(() -> view.get(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Int32Array(ab)).isInstanceOf(IllegalStateException.class);
        assertThat(new Int32Array(moved).get(0)).isEqualTo(5);
    }
}
