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

        /** The machine's page size, the same for every process: statm counts pages, VmRSS KiB. */
        private static final long PAGE_SIZE = pageSize();

        private final RandomAccessFile statm;
        private final byte[] buffer = new byte[128];

        private RssReader(RandomAccessFile statm) {
            this.statm = statm;
        }

        /** A reader, or null when the process has no readable statm. */
        public static RssReader open(long pid) {
            try {
                return new RssReader(new RandomAccessFile("/proc/" + pid + "/statm", "r"));
            } catch (IOException e) {
                return null;
            }
        }

        /** The resident set in bytes, or -1 when the process is gone. */
        public long rss() {
            long pages = residentPages();
            return pages < 0 ? -1 : pages * PAGE_SIZE;
        }

        private long residentPages() {
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
                return pages;
            } catch (IOException e) {
                return -1;
            }
        }

        /**
         * The page size that makes statm agree with VmRSS, learnt from this process. A reading
         * counts only when statm holds still across the VmRSS read: a process whose resident set
         * grows between the two reads (a JVM starting) would make the ratio lie, and once did,
         * which made every reading of a starting trial four times too large.
         */
        private static long pageSize() {
            for (int attempt = 0; attempt < 100; attempt++) {
                try (RssReader self = new RssReader(new RandomAccessFile("/proc/self/statm", "r"))) {
                    long before = self.residentPages();
                    OptionalLong vmRss = bytes(ProcessHandle.current().pid(), "VmRSS");
                    long after = self.residentPages();
                    if (before <= 0 || before != after || vmRss.isEmpty()) {
                        continue;
                    }
                    double ratio = (double) vmRss.getAsLong() / before;
                    for (long size : PAGE_SIZES) {
                        if (Math.abs(ratio - size) < size / 4.0) {
                            return size;
                        }
                    }
                } catch (IOException e) {
                    break; // no /proc: nothing will be read with it
                }
            }
            return PAGE_SIZES[0];
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
