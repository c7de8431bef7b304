package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mirrors test262's {@code test/built-ins/Atomics/{add,sub,and,or,xor,exchange,compareExchange}}:
 * good-views (non-zero byte offsets and indices, results subject to coercion and chopping),
 * expected-return-value, nonshared-int-views (the operations work on non-shared buffers),
 * bad-range, and the bigint/ variants, for every integer kind.
 */
class AtomicsReadModifyWriteTest {

    /** test262 good-views: a view at byteOffset 32 of length 20 in a 1024-byte buffer, index 8 and 3. */
    private static IntegerTypedArray goodView(IntKind kind) {
        return kind.view(new SharedArrayBuffer(1024), 32, 20);
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void add_goodViews(IntKind kind) {
        IntegerTypedArray view = goodView(kind);
        view.set(8, 0);
        assertThat(Atomics.add(view, 8, 10)).isEqualTo(0);
        assertThat(view.get(8)).isEqualTo(10);
        assertThat(Atomics.add(view, 8, -5)).isEqualTo(10);
        assertThat(view.get(8)).isEqualTo(5);
        // Result is "negative" though subject to coercion
        view.set(3, -5);
        assertThat(Atomics.add(view, 3, 0)).isEqualTo(kind.wrap(-5));
        // Result is subject to chopping
        view.set(3, 12345);
        assertThat(Atomics.add(view, 3, 0)).isEqualTo(kind.wrap(12345));
        view.set(3, 123456789);
        assertThat(Atomics.add(view, 3, 0)).isEqualTo(kind.wrap(123456789));
        // In-bounds boundary index
        Atomics.store(view, view.length() - 1, 37);
        assertThat(Atomics.add(view, view.length() - 1, 0)).isEqualTo(37);
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void sub_goodViews(IntKind kind) {
        IntegerTypedArray view = goodView(kind);
        view.set(8, 100);
        assertThat(Atomics.sub(view, 8, 10)).isEqualTo(100);
        assertThat(view.get(8)).isEqualTo(90);
        assertThat(Atomics.sub(view, 8, -5)).isEqualTo(90);
        assertThat(view.get(8)).isEqualTo(95);
        view.set(3, -5);
        assertThat(Atomics.sub(view, 3, 0)).isEqualTo(kind.wrap(-5));
        // 0 - 1 wraps to the top of an unsigned kind
        view.set(4, 0);
        Atomics.sub(view, 4, 1);
        assertThat(view.get(4)).isEqualTo(kind.wrap(-1));
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void bitwise_goodViews(IntKind kind) {
        IntegerTypedArray view = goodView(kind);
        view.set(8, 0x5A);
        assertThat(Atomics.and(view, 8, 0x0F)).isEqualTo(0x5A);
        assertThat(view.get(8)).isEqualTo(0x0A);
        assertThat(Atomics.or(view, 8, 0x30)).isEqualTo(0x0A);
        assertThat(view.get(8)).isEqualTo(0x3A);
        assertThat(Atomics.xor(view, 8, 0xFF)).isEqualTo(0x3A);
        assertThat(view.get(8)).isEqualTo(kind.wrap(0xC5));
        // a negative mask is all ones above its low bits, chopped to the width
        view.set(3, 0x1234);
        assertThat(Atomics.and(view, 3, -1)).isEqualTo(kind.wrap(0x1234));
        assertThat(view.get(3)).isEqualTo(kind.wrap(0x1234));
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void exchange_goodViews(IntKind kind) {
        IntegerTypedArray view = goodView(kind);
        view.set(8, 0);
        assertThat(Atomics.exchange(view, 8, 10)).isEqualTo(0);
        assertThat(view.get(8)).isEqualTo(10);
        assertThat(Atomics.exchange(view, 8, -5)).isEqualTo(10);
        assertThat(view.get(8)).isEqualTo(kind.wrap(-5));
        view.set(3, 123456789);
        assertThat(Atomics.exchange(view, 3, 0)).isEqualTo(kind.wrap(123456789));
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void compareExchange_goodViews(IntKind kind) {
        IntegerTypedArray view = goodView(kind);
        view.set(8, 0);
        assertThat(Atomics.compareExchange(view, 8, 0, 10)).isEqualTo(0);
        assertThat(view.get(8)).isEqualTo(10);
        view.set(8, 0);
        assertThat(Atomics.compareExchange(view, 8, 1, 10)).as("does not perform the exchange").isEqualTo(0);
        assertThat(view.get(8)).isEqualTo(0);
        assertThat(Atomics.compareExchange(view, 8, 0, -5)).as("coerces the value stored").isEqualTo(0);
        assertThat(view.get(8)).isEqualTo(kind.wrap(-5));
        view.set(3, -5);
        assertThat(Atomics.compareExchange(view, 3, -5, 0)).as("coerces the value tested").isEqualTo(kind.wrap(-5));
        assertThat(view.get(3)).isEqualTo(0);
        view.set(3, 12345);
        assertThat(Atomics.compareExchange(view, 3, 12345, 0)).as("chops the value tested")
                .isEqualTo(kind.wrap(12345));
        assertThat(view.get(3)).isEqualTo(0);
        view.set(3, 123456789);
        assertThat(Atomics.compareExchange(view, 3, 123456789, 0)).isEqualTo(kind.wrap(123456789));
        assertThat(view.get(3)).isEqualTo(0);
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void nonSharedIntViews_work(IntKind kind) {
        IntegerTypedArray view = kind.view(new ArrayBuffer(16 * kind.bytes()), 0, 16);
        assertThat(Atomics.add(view, 0, 7)).isEqualTo(0);
        assertThat(Atomics.sub(view, 0, 2)).isEqualTo(7);
        assertThat(Atomics.exchange(view, 0, 9)).isEqualTo(5);
        assertThat(Atomics.compareExchange(view, 0, 9, 1)).isEqualTo(9);
        assertThat(Atomics.load(view, 0)).isEqualTo(1);
        assertThat(Atomics.store(view, 1, 3)).isEqualTo(3);
        assertThat(Atomics.or(view, 1, 4)).isEqualTo(3);
        assertThat(Atomics.and(view, 1, 6)).isEqualTo(7);
        assertThat(Atomics.xor(view, 1, 6)).isEqualTo(6);
        assertThat(view.get(1)).isEqualTo(0);
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void badRange_throwsIndexOutOfBounds(IntKind kind) {
        IntegerTypedArray view = kind.view(new SharedArrayBuffer(8 * kind.bytes()), 0, 8);
        for (int index : new int[] {-1, 8, 9, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> Atomics.add(view, index, 1))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining(String.valueOf(index))
                    .hasMessageContaining("8");
            assertThatThrownBy(() -> Atomics.compareExchange(view, index, 0, 1))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> Atomics.load(view, index)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> Atomics.store(view, index, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    /** The example and its kin: values wrap modulo the element width before the operation. */
    @Test
    void add300ToUint8Adds44() {
        Uint8Array u8 = new Uint8Array(new SharedArrayBuffer(4));
        assertThat(Atomics.add(u8, 0, 300)).isEqualTo(0);
        assertThat(Atomics.load(u8, 0)).isEqualTo(44);
        assertThat(Atomics.compareExchange(u8, 0, 300, 7)).as("expected 300 wraps to 44, which matches").isEqualTo(44);
        assertThat(Atomics.load(u8, 0)).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void wrappingPerType(IntKind kind) {
        IntegerTypedArray view = kind.view(new SharedArrayBuffer(8), 0, 8 / kind.bytes());
        long max = kind.width == 64 ? (kind.signed ? Long.MAX_VALUE : -1L)
                : kind.signed ? (1L << (kind.width - 1)) - 1 : (1L << kind.width) - 1;
        Atomics.store(view, 0, max);
        assertThat(Atomics.add(view, 0, 1)).isEqualTo(max);
        assertThat(Atomics.load(view, 0)).as("max + 1 wraps to the minimum").isEqualTo(kind.wrap(max + 1));
        assertThat(Atomics.sub(view, 0, 1)).isEqualTo(kind.wrap(max + 1));
        assertThat(Atomics.load(view, 0)).isEqualTo(max);
        assertThat(Atomics.store(view, 0, (1L << 40) + 3)).as("store returns its argument, unwrapped")
                .isEqualTo((1L << 40) + 3);
        assertThat(Atomics.load(view, 0)).isEqualTo(kind.wrap((1L << 40) + 3));
    }

    @Test
    void uint32ReadsUnsigned() {
        Uint32Array u32 = new Uint32Array(new SharedArrayBuffer(16));
        assertThat(Atomics.sub(u32, 3, 1)).isEqualTo(0);
        assertThat(Atomics.load(u32, 3)).isEqualTo(4294967295L);
        assertThat(Atomics.add(u32, 3, 1)).isEqualTo(4294967295L);
        assertThat(Atomics.load(u32, 3)).isEqualTo(0);
    }

    @Test
    void bigUint64ReturnsTheBits() {
        BigUint64Array u64 = new BigUint64Array(new SharedArrayBuffer(16));
        Atomics.sub(u64, 0, 1);
        assertThat(Atomics.load(u64, 0)).isEqualTo(-1L);
        assertThat(Long.toUnsignedString(Atomics.load(u64, 0))).isEqualTo("18446744073709551615");
        assertThat(Atomics.add(u64, 0, 2)).isEqualTo(-1L);
        assertThat(Atomics.load(u64, 0)).isEqualTo(1);
    }

    /** Narrow read-modify-writes go through the containing word and must leave its other lanes alone. */
    @ParameterizedTest
    @EnumSource(value = IntKind.class, names = {"INT8", "UINT8", "INT16", "UINT16"})
    void narrowOperationsLeaveNeighboursAlone(IntKind kind) {
        SharedArrayBuffer sab = new SharedArrayBuffer(16);
        Uint8Array bytes = new Uint8Array(sab);
        IntegerTypedArray view = kind.view(sab, 0, 16 / kind.bytes());
        for (int lane = 0; lane < view.length(); lane++) {
            for (int i = 0; i < 16; i++) {
                bytes.set(i, 0xA5);
            }
            long before = view.get(lane);
            Atomics.add(view, lane, 1L << (kind.width - 1)); // flips the top bit: any carry would leak
            Atomics.add(view, lane, 1L << (kind.width - 1));
            Atomics.xor(view, lane, -1);
            Atomics.xor(view, lane, -1);
            Atomics.exchange(view, lane, Atomics.exchange(view, lane, 0));
            Atomics.compareExchange(view, lane, before, before);
            assertThat(view.get(lane)).isEqualTo(before);
            Atomics.store(view, lane, -1);
            Atomics.add(view, lane, 1);
            assertThat(view.get(lane)).as("carry out of the lane is dropped").isEqualTo(0);
            int first = lane * kind.bytes();
            for (int i = 0; i < 16; i++) {
                if (i < first || i >= first + kind.bytes()) {
                    assertThat(bytes.get(i)).as("byte %d next to lane %d", i, lane).isEqualTo(0xA5);
                }
            }
        }
    }

    @Test
    void detachedBuffer_throwsIllegalState() {
        ArrayBuffer ab = new ArrayBuffer(16);
        Int32Array view = new Int32Array(ab);
        ab.transfer();
        assertThatThrownBy(() -> Atomics.add(view, 0, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("detached");
    }
}
