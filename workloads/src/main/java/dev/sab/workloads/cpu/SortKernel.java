package dev.sab.workloads.cpu;

import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.SafePoint;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code sort}: sorts an array of {@code length} random ints. The array comes from the seed and the
 * task's index modulo {@value #INPUTS}; the checksum is an order-sensitive hash of the sorted
 * array, so a wrong order or a lost element changes it.
 *
 * <p>The sort is a bottom-up merge sort over runs of {@value #RUN} ints, each run sorted with
 * {@link Arrays#sort} (the JDK's dual-pivot quicksort, an insertion sort at this size): a single
 * {@code Arrays.sort} of the whole array would be one call into the JDK with no safe point for
 * milliseconds, where Go's {@code slices.Sort} can be preempted anywhere. A safe point follows
 * every run sorted and every {@value #RUN} elements merged, a few microseconds of work each; the
 * work is the same O(n log n) comparisons.
 */
final class SortKernel implements Kernel {
    static final int INPUTS = 16;
    /** Sorting or merging this many ints takes a few microseconds: the distance between safe points. */
    static final int RUN = 256;

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
            reference[i] = sortAndHash(i, SafePoint.NONE);
        }
    }

    @Override
    public long run(Ctx ctx, int index) {
        return sortAndHash(index % INPUTS, ctx::safePoint);
    }

    @Override
    public long expected(int index) {
        return reference[index % INPUTS];
    }

    long sortAndHash(int input, SafePoint safePoint) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + input);
        int[] a = new int[length];
        for (int i = 0; i < length; i++) {
            a[i] = random.nextInt();
            if (i % RUN == RUN - 1) {
                safePoint.poll();
            }
        }
        a = sort(a, safePoint);
        long h = length;
        for (int i = 0; i < length; i++) {
            h = h * 31 + a[i];
            if (i % RUN == RUN - 1) {
                safePoint.poll();
            }
        }
        return h;
    }

    /** Sorts {@code a}; returns the sorted array, which is {@code a} or a buffer of the same length. */
    static int[] sort(int[] a, SafePoint safePoint) {
        int n = a.length;
        for (int from = 0; from < n; from += RUN) {
            Arrays.sort(a, from, Math.min(n, from + RUN));
            safePoint.poll();
        }
        if (n <= RUN) {
            return a;
        }
        int[] src = a;
        int[] dst = new int[n];
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                merge(src, dst, lo, Math.min(n, lo + width), Math.min(n, lo + 2 * width), safePoint);
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        return src;
    }

    /** Merges the sorted {@code src[lo, mid)} and {@code src[mid, hi)} into {@code dst[lo, hi)}. */
    private static void merge(int[] src, int[] dst, int lo, int mid, int hi, SafePoint safePoint) {
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && src[i] <= src[j])) {
                dst[k] = src[i++];
            } else {
                dst[k] = src[j++];
            }
            if ((k - lo) % RUN == RUN - 1) {
                safePoint.poll();
            }
        }
    }
}
