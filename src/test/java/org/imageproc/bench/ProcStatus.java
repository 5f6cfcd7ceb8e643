package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a Linux process's memory figures from {@code /proc/<pid>/status}, and the fields of its {@code stat} lines. */
final class ProcStatus {

    /** Linux reports CPU times in {@code stat} in clock ticks of 1/100 s (USER_HZ). */
    static final long MILLIS_PER_TICK = 10;

    private ProcStatus() {
    }

    /** VmHWM, the peak resident set size, in MB; 0 when the process is gone or not on Linux. */
    static long peakRssMb(ProcessHandle process) {
        return kilobytes(process, "VmHWM:") / 1024;
    }

    /** VmRSS, the resident set size now, in MB; 0 when the process is gone or not on Linux. */
    static double rssMb(ProcessHandle process) {
        return kilobytes(process, "VmRSS:") / 1024.0;
    }

    /**
     * The fields of a {@code /proc/.../stat} line after the command name, which is in parentheses and may hold spaces:
     * field N of the whole line (1-based, as {@code man proc} counts) is element N - 3.
     */
    static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long kilobytes(ProcessHandle process, String field) {
        try (var lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            return lines.filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
