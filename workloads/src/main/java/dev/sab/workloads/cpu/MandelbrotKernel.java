package dev.sab.workloads.cpu;

import dev.sab.schedulers.Ctx;

/**
 * {@code mandelbrot}: rows of one fixed frame, the classic embarrassingly parallel kernel (the
 * seeds' worker-thread articles measure speed-ups on it). The frame is {@value #WIDTH} ×
 * {@value #HEIGHT} points of [-2, 0.5] × [-1.25, 1.25] at up to {@value #MAX_ITERATIONS}
 * iterations; task {@code i} computes {@code rows} rows from row {@code i × rows} (wrapping), so
 * tasks together sweep the frame. The checksum sums an order-sensitive hash of each row's escape
 * counts.
 */
final class MandelbrotKernel implements Kernel {
    static final int WIDTH = 512;
    static final int HEIGHT = 512;
    static final int MAX_ITERATIONS = 256;

    private final int rows;
    private long[] rowChecksums;

    MandelbrotKernel(int rows) {
        this.rows = rows;
    }

    @Override
    public void prepare(int tasks) {
        long[] sums = new long[HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            sums[y] = row(y);
        }
        rowChecksums = sums;
    }

    @Override
    public long run(Ctx ctx, int index) {
        long sum = 0;
        int first = (int) ((long) index * rows % HEIGHT);
        for (int r = 0; r < rows; r++) {
            sum += row((first + r) % HEIGHT);
        }
        return sum;
    }

    @Override
    public long expected(int index) {
        long sum = 0;
        int first = (int) ((long) index * rows % HEIGHT);
        for (int r = 0; r < rows; r++) {
            sum += rowChecksums[(first + r) % HEIGHT];
        }
        return sum;
    }

    static long row(int y) {
        double ci = -1.25 + 2.5 * y / HEIGHT;
        long h = y;
        for (int x = 0; x < WIDTH; x++) {
            double cr = -2.0 + 2.5 * x / WIDTH;
            double zr = 0;
            double zi = 0;
            int n = 0;
            while (n < MAX_ITERATIONS && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                n++;
            }
            h = h * 31 + n;
        }
        return h;
    }
}
