package dev.sab.schedulers.gmp;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a spinning M visits the other Ps: a pseudo-random permutation that starts
 * anywhere and steps by a stride coprime with the number of Ps, so every P is visited once per
 * pass without allocating (Go: {@code randomOrder}/{@code randomEnum} in proc.go).
 *
 * <p>Immutable after construction; thread-safe.
 */
final class StealOrder {
    private final int count;
    private final int[] coprimes;

    StealOrder(int count) {
        this.count = count;
        List<Integer> found = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (gcd(i, count) == 1) {
                found.add(i);
            }
        }
        this.coprimes = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Where a pass seeded with {@code random} starts. */
    int start(int random) {
        return Integer.remainderUnsigned(random, count);
    }

    /** The stride of a pass seeded with {@code random}. */
    int stride(int random) {
        return coprimes[Integer.remainderUnsigned(Integer.divideUnsigned(random, count), coprimes.length)];
    }

    /** The P visited at step {@code step} of the pass starting at {@code start} with {@code stride}. */
    int position(int start, int stride, int step) {
        return (int) ((start + (long) stride * step) % count);
    }

    int count() {
        return count;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
