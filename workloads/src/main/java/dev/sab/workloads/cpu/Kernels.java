package dev.sab.workloads.cpu;

import dev.sab.workloads.Params;

import java.util.List;

/** The kernels of the {@code cpu} workload by name, built from its parameters. */
public final class Kernels {
    /** The names {@code -p kernel=} takes; {@code spin} first, as the default. */
    public static final List<String> NAMES = List.of("spin", "hash", "mandelbrot", "sort", "fib");

    private Kernels() {
    }

    /** The kernel {@code params.choice("kernel")} names, sized by its own parameter. */
    public static Kernel create(Params params, long seed) {
        return switch (params.choice("kernel")) {
            case "spin" -> new SpinKernel(params.longValue("units"));
            case "hash" -> new HashKernel(params.intValue("rounds"), seed);
            case "mandelbrot" -> new MandelbrotKernel(params.intValue("rows"));
            case "sort" -> new SortKernel(params.intValue("length"), seed);
            case "fib" -> new FibKernel(params.intValue("n"));
            default -> throw new IllegalArgumentException("unknown kernel '" + params.choice("kernel") + "'; valid: "
                    + String.join(", ", NAMES));
        };
    }
}
