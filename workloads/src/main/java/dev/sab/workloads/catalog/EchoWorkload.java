package dev.sab.workloads.catalog;

import dev.sab.schedulers.Conn;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Task;
import dev.sab.workloads.AbstractWorkload;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.Verification;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;
import dev.sab.workloads.internal.LoopbackServer;
import dev.sab.workloads.internal.SchedulerFit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code echo}: loopback TCP with both ends on the scheduler under test, through
 * {@link Ctx#listen} and {@link Ctx#connect}. An echo server starts at setup; each task is a
 * client that connects and exchanges {@code rounds} messages of {@code size} bytes, each written
 * whole and then read back whole, and checks every byte against what it sent (the pattern depends
 * on the task, the round and the position, so a reply sent to the wrong client or out of order
 * fails). {@code size} is capped at 64 KiB so that a message fits in loopback's socket buffers and a
 * client may write all of it before reading its echo.
 */
public final class EchoWorkload extends AbstractWorkload {
    static final long MAX_SIZE = 64 * 1024;
    private static final int SERVER_BUFFER = 8 * 1024;

    public static final WorkloadInfo INFO = new WorkloadInfo("echo",
            "loopback TCP: each task connects to an echo server and exchanges `rounds` messages of `size` bytes", WorkloadKind.IO,
            List.of(ParamInfo.integer("rounds", 10, 1, 1_000_000, "messages", "request/response exchanges per connection"),
                    ParamInfo.size("size", "1KiB", 1, MAX_SIZE, "bytes per message")));

    private final int rounds;
    private final int size;
    private final LongAdder echoed = new LongAdder();
    private final LongAdder verified = new LongAdder();
    private final LongAdder mismatches = new LongAdder();
    private LoopbackServer server;

    public EchoWorkload(Params params) {
        super(INFO, params);
        this.rounds = params.intValue("rounds");
        this.size = Math.toIntExact(params.bytes("size"));
    }

    @Override
    protected void prepare(WorkloadEnv env) throws Exception {
        SchedulerFit.requireWaitsWithoutThreads(info().name(), env.scheduler(),
                "each client waits for the server's connection task, which waits for the client");
        server = LoopbackServer.start(env.scheduler(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), this::echo);
    }

    private void echo(Ctx ctx, Conn conn) throws IOException {
        byte[] buf = new byte[SERVER_BUFFER];
        int n;
        while ((n = conn.read(buf, 0, buf.length)) > 0) {
            echoed.add(n); // before the write: a client that has its echo back must find it counted
            conn.write(buf, 0, n);
        }
    }

    @Override
    public Task task(int index) {
        InetSocketAddress address = server.address();
        return ctx -> {
            byte[] out = new byte[size];
            byte[] in = new byte[size];
            try (Conn conn = ctx.connect(address)) {
                for (int r = 0; r < rounds; r++) {
                    fill(out, index, r);
                    conn.write(out);
                    conn.readFully(in, 0, size);
                    if (!Arrays.equals(out, in)) {
                        mismatches.increment();
                        throw new IOException("task " + index + ", round " + r + ": the echo differs from the message sent, first at byte "
                                + Arrays.mismatch(out, in));
                    }
                    verified.add(size);
                }
            }
            ledger.finished(index);
        };
    }

    /** The bytes of message {@code round} of task {@code task}: a different pattern for every task, round and position. */
    static void fill(byte[] b, int task, int round) {
        int x = task * 0x9E3779B1 + round * 0x85EBCA77;
        for (int i = 0; i < b.length; i++) {
            x = x * 1_103_515_245 + 12_345;
            b[i] = (byte) (x >>> 24);
        }
    }

    @Override
    protected Verification check() {
        long expected = (long) env.tasks() * rounds * size;
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("bytesVerified", verified.sum());
        metrics.put("bytesEchoed", echoed.sum());
        metrics.put("connectionsAccepted", server.accepted());
        if (server.acceptFailure() != null) {
            return Verification.failed("the echo server stopped accepting connections: " + server.acceptFailure(), metrics);
        }
        if (mismatches.sum() > 0) {
            return Verification.failed(mismatches.sum() + " echoes differed from the message sent", metrics);
        }
        if (verified.sum() != expected || echoed.sum() != expected) {
            return Verification.failed("clients verified " + verified.sum() + " bytes and the server echoed " + echoed.sum()
                    + ", expected " + expected + " each", metrics);
        }
        return Verification.passed(metrics);
    }

    @Override
    public void teardown() throws InterruptedException {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }
}
