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
        try (var lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
