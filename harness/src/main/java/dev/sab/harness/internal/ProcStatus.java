package dev.sab.harness.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads a process's memory counters from {@code /proc} (Linux), from outside the process or within
 * it. Other systems read as empty.
 */
public final class ProcStatus {
    private ProcStatus() {
    }

    /** A size field such as VmRSS or VmHWM, in bytes. */
    public static OptionalLong bytes(long pid, String field) {
        OptionalLong kib = number(pid, field);
        return kib.isPresent() ? OptionalLong.of(kib.getAsLong() * 1024) : kib;
    }

    /** The first number of a field ("VmRSS:  1234 kB" gives 1234; "voluntary_ctxt_switches: 5" gives 5). */
    public static OptionalLong number(long pid, String field) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * Resets the process's VmHWM to its current VmRSS by writing 5 to {@code /proc/PID/clear_refs}
     * (Linux 4.0+; the caller must own the process). Returns whether it worked.
     */
    public static boolean resetHighWaterMark(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A reader of one process's resident set that is cheap enough to call every millisecond: it
     * keeps {@code /proc/PID/statm} open and reads its second field (resident pages, the count
     * VmRSS shows) into a reused buffer. Called only by its owner thread.
     */
    public static final class RssReader implements AutoCloseable {
        private static final long[] PAGE_SIZES = {4096, 16384, 65536}; // x86-64; arm64 kernels with 16 KiB or 64 KiB pages

        private final RandomAccessFile statm;
        private final byte[] buffer = new byte[128];
        private long pageSize = PAGE_SIZES[0];

        private RssReader(RandomAccessFile statm) {
            this.statm = statm;
        }

        /** A reader, or null when the process has no readable statm. */
        public static RssReader open(long pid) {
            RssReader reader;
            try {
                reader = new RssReader(new RandomAccessFile("/proc/" + pid + "/statm", "r"));
            } catch (IOException e) {
                return null;
            }
            // statm counts pages; the page size is the one that makes it agree with VmRSS, which counts KiB
            long pages = reader.rss() / PAGE_SIZES[0];
            OptionalLong vmRss = bytes(pid, "VmRSS");
            if (pages > 0 && vmRss.isPresent()) {
                double ratio = (double) vmRss.getAsLong() / pages;
                for (long size : PAGE_SIZES) {
                    if (Math.abs(ratio - size) < size / 4.0) {
                        reader.pageSize = size;
                    }
                }
            }
            return reader;
        }

        /** The resident set in bytes, or -1 when the process is gone. */
        public long rss() {
            try {
                statm.seek(0);
                int n = statm.read(buffer);
                if (n <= 0) {
                    return -1;
                }
                int i = 0;
                while (i < n && buffer[i] != ' ') {
                    i++;
                }
                long pages = 0;
                for (i++; i < n && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
                    pages = pages * 10 + (buffer[i] - '0');
                }
                return pages * pageSize;
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() {
            try {
                statm.close();
            } catch (IOException ignored) {
                // read-only file of a process that may be gone
            }
        }
    }
}
