package dev.sab.workloads.catalog;

import dev.sab.schedulers.Task;
import dev.sab.workloads.AbstractWorkload;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.Sizes;
import dev.sab.workloads.Verification;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.CRC32C;

/**
 * {@code file}: each task reads one of {@code files} temporary files of {@code size} bytes, one
 * {@code chunk} at a time, every open, read and close a {@link dev.sab.schedulers.Ctx#blocking}
 * call: the system-call handoff each scheduler makes (the event loop's thread pool, gmp's
 * entersyscall/exitsyscall and P handoff, a pinned carrier for virtual threads). The files are
 * written at setup and are then in the page cache, so a read costs a system call and a copy, not a
 * disk. Verification: each task's CRC-32C of what it read equals the file's.
 */
public final class FileWorkload extends AbstractWorkload {
    public static final WorkloadInfo INFO = new WorkloadInfo("file",
            "each task reads a temporary file in `chunk`-sized blocking reads through Ctx.blocking", WorkloadKind.IO,
            List.of(ParamInfo.size("size", "64KiB", 1, 1L << 30, "bytes in each file"),
                    ParamInfo.integer("files", 16, 1, 100_000, "files", "distinct files; task i reads file i mod files"),
                    ParamInfo.size("chunk", "16KiB", 1, 64L << 20, "bytes per read call")));

    private final long size;
    private final int files;
    private final int chunk;
    private Path[] paths;
    private long[] crcs;
    private AtomicLongArray read;

    public FileWorkload(Params params) {
        super(INFO, params);
        this.size = params.bytes("size");
        this.files = params.intValue("files");
        this.chunk = Math.toIntExact(params.bytes("chunk"));
    }

    @Override
    protected void prepare(WorkloadEnv env) throws IOException {
        paths = new Path[files];
        crcs = new long[files];
        SplittableRandom random = new SplittableRandom(env.seed());
        byte[] block = new byte[(int) Math.min(size, 1 << 20)];
        for (int f = 0; f < files; f++) {
            paths[f] = env.tempDir().resolve("file-" + f + ".bin");
            CRC32C crc = new CRC32C();
            try (FileChannel out = FileChannel.open(paths[f], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long left = size;
                while (left > 0) {
                    int n = (int) Math.min(left, block.length);
                    random.nextBytes(block);
                    crc.update(block, 0, n);
                    ByteBuffer b = ByteBuffer.wrap(block, 0, n);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    left -= n;
                }
            }
            crcs[f] = crc.getValue();
        }
        read = new AtomicLongArray(env.tasks());
        for (int i = 0; i < env.tasks(); i++) {
            read.set(i, -1);
        }
    }

    @Override
    public Task task(int index) {
        Path path = paths[index % files];
        return ctx -> {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(chunk, size));
            CRC32C crc = new CRC32C();
            FileChannel channel = ctx.blocking(() -> FileChannel.open(path, StandardOpenOption.READ));
            try {
                long position = 0;
                while (true) {
                    buffer.clear();
                    long at = position;
                    int n = ctx.blocking(() -> channel.read(buffer, at));
                    if (n < 0) {
                        break;
                    }
                    crc.update(buffer.array(), 0, n);
                    position += n;
                }
            } finally {
                ctx.blocking(() -> {
                    channel.close();
                    return null;
                });
            }
            read.set(index, crc.getValue()); // volatile write: read by check() after the harness joined the task
            ledger.finished(index);
        };
    }

    @Override
    protected Verification check() {
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < read.length(); i++) {
            if (read.get(i) != crcs[i % files]) {
                if (wrong++ == 0) {
                    first = i;
                }
            }
        }
        Map<String, Number> metrics = Map.of("bytesVerified", (read.length() - wrong) * size);
        if (wrong > 0) {
            return Verification.failed(wrong + " of " + read.length() + " tasks read the wrong bytes (first: task " + first
                    + " read file " + (first % files) + " of " + Sizes.format(size) + " with CRC-32C " + Long.toHexString(read.get(first))
                    + " instead of " + Long.toHexString(crcs[first % files]) + ")", metrics);
        }
        return Verification.passed(metrics);
    }
}
