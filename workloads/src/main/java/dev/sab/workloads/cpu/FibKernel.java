package dev.sab.workloads.cpu;

import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.SafePoint;

/**
 * {@code fib}: the naive doubly recursive Fibonacci of {@code n}, a benchmark of calls rather than
 * of data (about 1.6^n calls). The checksum is fib(n) itself, checked against the iterative value.
 *
 * <p>Calls for k ≥ {@value #SAFE_POINT_FROM} pass a safe point on entry; below that, a subtree is
 * at most fib({@value #SAFE_POINT_FROM}) - 1 calls (a few microseconds) of plain recursion, so a
 * safe point comes every few microseconds while its cost stays out of the leaves.
 */
final class FibKernel implements Kernel {
    /** Calls for k at least this pass a safe point: subtrees below are about 1,000 to 2,000 calls. */
    static final int SAFE_POINT_FROM = 15;

    private final int n;
    private final long reference;

    FibKernel(int n) {
        this.n = n;
        this.reference = iterative(n);
    }

    @Override
    public long run(Ctx ctx, int index) {
        return recursive(n, ctx::safePoint);
    }

    @Override
    public long expected(int index) {
        return reference;
    }

    /** fib(k), passing {@code safePoint} every few microseconds. */
    static long recursive(int k, SafePoint safePoint) {
        if (k < SAFE_POINT_FROM) {
            return recursive(k);
        }
        safePoint.poll();
        return recursive(k - 1, safePoint) + recursive(k - 2, safePoint);
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
