package dev.sab.workloads.cpu;

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
        assertThat(k.chain(5)).isEqualTo(ByteBuffer.wrap(state).getLong());
        k.prepare(100);
        assertThat(k.expected(21)).isEqualTo(k.chain(5));
    }

    @Test
    void mandelbrotRowsMirrorAcrossTheRealAxis() {
        // row y has imaginary part -1.25 + 2.5y/512, so rows y and 512 - y are mirror images with equal escape counts
        for (int y : new int[]{1, 100, 200, 255}) {
            assertThat(MandelbrotKernel.row(y)).isEqualTo(MandelbrotKernel.row(MandelbrotKernel.HEIGHT - y)
                    - (MandelbrotKernel.HEIGHT - y - (long) y) * pow31(MandelbrotKernel.WIDTH));
        }
        MandelbrotKernel k = new MandelbrotKernel(3);
        k.prepare(0);
        assertThat(k.run(null, 170)).isEqualTo(k.expected(170)); // rows 510, 511, 0: wraps around the frame
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
        assertThat(k.sortAndHash(4)).isEqualTo(h);
    }
}
