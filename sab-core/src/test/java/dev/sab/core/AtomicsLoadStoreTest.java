package dev.sab.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mirrors test262's {@code test/built-ins/Atomics/{load,store,isLockFree,pause}}.
 */
class AtomicsLoadStoreTest {

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void store_goodViews_returnsItsArgumentUnconverted(IntKind kind) {
        IntegerTypedArray view = kind.view(new SharedArrayBuffer(1024), 32, 20);
        for (long value : new long[] {0, 1, -1, 10, 37, 12345, 123456789, -123456789, 1L << 40, Long.MIN_VALUE}) {
            assertThat(Atomics.store(view, 3, value)).isEqualTo(value);
            assertThat(view.get(3)).isEqualTo(kind.wrap(value));
            assertThat(Atomics.load(view, 3)).isEqualTo(kind.wrap(value));
        }
    }

    @ParameterizedTest
    @EnumSource(IntKind.class)
    void load_seesPlainWrites(IntKind kind) {
        IntegerTypedArray view = kind.view(new SharedArrayBuffer(1024), 32, 20);
        view.set(8, -5);
        assertThat(Atomics.load(view, 8)).isEqualTo(kind.wrap(-5));
        view.set(8, 12345);
        assertThat(Atomics.load(view, 8)).isEqualTo(kind.wrap(12345));
    }

    /** Node 20 on x86-64 answers [true, true, false, true, false, true, false] for 1, 2, 3, 4, 5, 8, 16. */
    @Test
    void isLockFree() {
        assertThat(Atomics.isLockFree(4)).as("the specification requires 4").isTrue();
        assertThat(Atomics.isLockFree(1)).isTrue();
        assertThat(Atomics.isLockFree(2)).isTrue();
        assertThat(Atomics.isLockFree(8)).isEqualTo("64".equals(System.getProperty("sun.arch.data.model")));
        for (int size : new int[] {-1, 0, 3, 5, 6, 7, 16, 1 << 20}) {
            assertThat(Atomics.isLockFree(size)).as("size %d", size).isFalse();
        }
    }

    @Test
    void pauseReturns() {
        Atomics.pause();
        for (int n : new int[] {-1, 0, 1, 5, 1000, Integer.MAX_VALUE}) {
            Atomics.pause(n);
        }
    }

    @Test
    void waitResultNamesAreEcmaScripts() {
        assertThat(WaitResult.OK).hasToString("ok");
        assertThat(WaitResult.NOT_EQUAL).hasToString("not-equal");
        assertThat(WaitResult.TIMED_OUT).hasToString("timed-out");
    }
}
