package dev.sab.workloads.cpu;

import dev.sab.schedulers.Ctx;

/**
 * {@code spin}: {@link Ctx#cpu} for {@code units}, the calibrated serial xorshift chain with a safe
 * point about every microsecond. {@code Ctx.cpu} returns no value, so there is no checksum to
 * compare: the ledger's "every task finished once" is the whole check.
 */
final class SpinKernel implements Kernel {
    private final long units;

    SpinKernel(long units) {
        this.units = units;
    }

    @Override
    public long run(Ctx ctx, int index) {
        ctx.cpu(units);
        return 0;
    }

    @Override
    public long expected(int index) {
        return 0;
    }
}
