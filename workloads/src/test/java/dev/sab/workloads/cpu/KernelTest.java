package dev.sab.workloads.cpu;

import dev.sab.schedulers.SafePoint;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The kernels compute what they claim, so a matching checksum means a correct result. */
class KernelTest {

    @Test
    void fibRecursiveAgreesWithIterative() {
        assertThat(FibKernel.iterative(20)).isEqualTo(6765);
        assertThat(FibKernel.iterative(50)).isEqualTo(12_586_269_025L);
        for (int n = 0; n <= 22; n++) {
            assertThat(FibKernel.recursive(n)).isEqualTo(FibKernel.iterative(n));
        }
    }

    @Test
    void hashIsAChainOfSha256() throws Exception {
        HashKernel k = new HashKernel(3, 11);
        byte[] state = ByteBuffer.allocate(32).putLong(11).putLong(5).putLong(~11L).putLong(3).array();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 3; i++) {
            state = sha.digest(state);
        }
        assertThat(k.chain(5, SafePoint.NONE)).isEqualTo(ByteBuffer.wrap(state).getLong());
        k.prepare(100);
        assertThat(k.expected(21)).isEqualTo(k.chain(5, SafePoint.NONE));
    }

    @Test
    void mandelbrotRowsMirrorAcrossTheRealAxis() {
        // row y has imaginary part -1.25 + 2.5y/512, so rows y and 512 - y are mirror images with equal escape counts
        for (int y : new int[]{1, 100, 200, 255}) {
            assertThat(MandelbrotKernel.row(y, SafePoint.NONE)).isEqualTo(MandelbrotKernel.row(MandelbrotKernel.HEIGHT - y, SafePoint.NONE)
                    - (MandelbrotKernel.HEIGHT - y - (long) y) * pow31(MandelbrotKernel.WIDTH));
        }
        MandelbrotKernel k = new MandelbrotKernel(3);
        k.prepare(0);
        assertThat(k.run(new SafePointCountingCtx(), 170)).isEqualTo(k.expected(170)); // rows 510, 511, 0: wraps around the frame
    }

    private static long pow31(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 31;
        }
        return p;
    }

    @Test
    void sortChecksumIsTheHashOfTheSortedInput() {
        SortKernel k = new SortKernel(1000, 9);
        SplittableRandom random = new SplittableRandom(9 * 1_000_003L + 4);
        int[] a = new int[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt();
        }
        int[] sorted = Arrays.stream(a).boxed().sorted().mapToInt(Integer::intValue).toArray();
        long h = 1000;
        for (int v : sorted) {
            h = h * 31 + v;
        }
        assertThat(k.sortAndHash(4, SafePoint.NONE)).isEqualTo(h);
    }

    @Test
    void theMergeSortSortsEveryLengthAroundItsRuns() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[]{0, 1, 255, 256, 257, 511, 512, 513, 1000, 4097}) {
            int[] a = random.ints(n).toArray();
            int[] expected = a.clone();
            Arrays.sort(expected);
            assertThat(SortKernel.sort(a, SafePoint.NONE)).as("length %d", n).containsExactly(expected);
        }
    }

    /**
     * Every kernel but spin passes {@code Ctx.safePoint()} from inside its loops, often enough that
     * no stretch of work between two is longer than a few microseconds: counted here in steps of
     * work (rounds, points, elements, calls), the stretches are bounded by the kernels' constants.
     */
    @Test
    void everyKernelPassesSafePointsThroughoutItsWork() throws Exception {
        SafePointCountingCtx ctx = new SafePointCountingCtx();
        new HashKernel(1000, 1).run(ctx, 0);
        assertThat(ctx.takeCount()).isEqualTo(1000 / HashKernel.ROUNDS_PER_SAFE_POINT);

        MandelbrotKernel mandelbrot = new MandelbrotKernel(4);
        mandelbrot.run(ctx, 0);
        assertThat(ctx.takeCount()).isEqualTo(4 * MandelbrotKernel.WIDTH / MandelbrotKernel.POINTS_PER_SAFE_POINT);

        int length = 100_000;
        new SortKernel(length, 1).run(ctx, 0);
        int runs = (length + SortKernel.RUN - 1) / SortKernel.RUN;
        int mergePasses = 32 - Integer.numberOfLeadingZeros(runs - 1);
        // filling, sorting the runs, each merge pass and hashing: each about one per run
        assertThat(ctx.takeCount()).isGreaterThanOrEqualTo((long) (3 + mergePasses) * (length / SortKernel.RUN - 1));

        new FibKernel(25).run(ctx, 0);
        // one per call with k ≥ 15; plain subtrees below are fib(14) calls at most
        assertThat(ctx.takeCount()).isEqualTo(callsFrom(25, FibKernel.SAFE_POINT_FROM));
    }

    /** Calls of fib(k') with k' ≥ from made while computing fib(k) recursively. */
    private static long callsFrom(int k, int from) {
        return k < from ? 0 : 1 + callsFrom(k - 1, from) + callsFrom(k - 2, from);
    }
}
