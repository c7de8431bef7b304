package dev.sab.harness.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads fields of /proc/PID/status (Linux). Other systems read as empty. */
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
}
