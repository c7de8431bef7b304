package dev.sab.workloads.cpu;

import dev.sab.schedulers.Ctx;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code sort}: sorts an array of {@code length} random ints ({@link Arrays#sort}, the JDK's
 * dual-pivot quicksort). The array comes from the seed and the task's index modulo {@value #INPUTS};
 * the checksum is an order-sensitive hash of the sorted array, so a wrong order or a lost element
 * changes it.
 */
final class SortKernel implements Kernel {
    static final int INPUTS = 16;

    private final int length;
    private final long seed;
    private final long[] reference = new long[INPUTS];

    SortKernel(int length, long seed) {
        this.length = length;
        this.seed = seed;
    }

    @Override
    public void prepare(int tasks) {
        for (int i = 0; i < INPUTS; i++) {
            reference[i] = sortAndHash(i);
        }
    }

    @Override
    public long run(Ctx ctx, int index) {
        return sortAndHash(index % INPUTS);
    }

    @Override
    public long expected(int index) {
        return reference[index % INPUTS];
    }

    long sortAndHash(int input) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + input);
        int[] a = new int[length];
        for (int i = 0; i < length; i++) {
            a[i] = random.nextInt();
        }
        Arrays.sort(a);
        long h = length;
        for (int v : a) {
            h = h * 31 + v;
        }
        return h;
    }
}
