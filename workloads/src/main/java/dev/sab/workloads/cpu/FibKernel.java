package dev.sab.workloads.cpu;

import dev.sab.schedulers.Ctx;

/**
 * {@code fib}: the naive doubly recursive Fibonacci of {@code n}, a benchmark of calls rather than
 * of data (about 1.6^n calls). The checksum is fib(n) itself, checked against the iterative value.
 */
final class FibKernel implements Kernel {
    private final int n;
    private final long reference;

    FibKernel(int n) {
        this.n = n;
        this.reference = iterative(n);
    }

    @Override
    public long run(Ctx ctx, int index) {
        return recursive(n);
    }

    @Override
    public long expected(int index) {
        return reference;
    }

    static long recursive(int k) {
        return k < 2 ? k : recursive(k - 1) + recursive(k - 2);
    }

    static long iterative(int k) {
        long a = 0;
        long b = 1;
        for (int i = 0; i < k; i++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }
}
