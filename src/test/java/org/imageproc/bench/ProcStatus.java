package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a Linux process's memory figures from {@code /proc/<pid>/status}. */
final class ProcStatus {

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
