package dev.sab.workloads.cpu;

import dev.sab.schedulers.Ctx;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code hash}: {@code rounds} rounds of SHA-256, each hashing the previous digest (a hash chain,
 * so rounds cannot run in parallel or be skipped). The first input is derived from the seed and
 * the task's index modulo {@value #INPUTS}; the checksum is the first 8 bytes of the last digest.
 */
final class HashKernel implements Kernel {
    /** Distinct inputs: enough that tasks differ, few enough that the reference costs 16 chains. */
    static final int INPUTS = 16;

    private final int rounds;
    private final long seed;
    private final long[] reference = new long[INPUTS];

    HashKernel(int rounds, long seed) {
        this.rounds = rounds;
        this.seed = seed;
    }

    @Override
    public void prepare(int tasks) {
        for (int i = 0; i < INPUTS; i++) {
            reference[i] = chain(i);
        }
    }

    @Override
    public long run(Ctx ctx, int index) {
        return chain(index % INPUTS);
    }

    @Override
    public long expected(int index) {
        return reference[index % INPUTS];
    }

    long chain(int input) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] state = ByteBuffer.allocate(32).putLong(seed).putLong(input).putLong(~seed).putLong(rounds).array();
        for (int r = 0; r < rounds; r++) {
            state = sha.digest(state);
        }
        return ByteBuffer.wrap(state).getLong();
    }
}
