package dev.sab.core;

/** The eight integer view kinds, with what the tests need to know about each. */
enum IntKind {
    INT8(Int8Array::new, 8, true),
    UINT8(Uint8Array::new, 8, false),
    INT16(Int16Array::new, 16, true),
    UINT16(Uint16Array::new, 16, false),
    INT32(Int32Array::new, 32, true),
    UINT32(Uint32Array::new, 32, false),
    BIGINT64(BigInt64Array::new, 64, true),
    BIGUINT64(BigUint64Array::new, 64, false);

    private final ViewFactory factory;
    final int width;
    final boolean signed;

    IntKind(ViewFactory factory, int width, boolean signed) {
        this.factory = factory;
        this.width = width;
        this.signed = signed;
    }

    @FunctionalInterface
    interface ViewFactory {
        IntegerTypedArray make(ArrayBufferLike buffer, int byteOffset, int length);
    }

    IntegerTypedArray view(ArrayBufferLike buffer, int byteOffset, int length) {
        return factory.make(buffer, byteOffset, length);
    }

    int bytes() {
        return width / 8;
    }

    /** What ECMAScript's conversion to this element type makes of {@code value}, read back. */
    long wrap(long value) {
        if (width == 64) {
            return value;
        }
        long bits = value & ((1L << width) - 1);
        return signed ? (bits << (64 - width)) >> (64 - width) : bits;
    }

}
