package org.imageproc.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, which other work on the machine inflates far less than wall time: this JVM's (every thread, GC and JIT
 * included) and that of its finished child processes (Linux: cutime and cstime of /proc/self/stat).
 */
final class CpuClock {

    private CpuClock() {
    }

    static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** User and system CPU of the child processes waited for so far; 0 where /proc is missing. */
    static long childrenNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = ProcStatus.statFields(stat);
            // cutime and cstime are fields 16 and 17 of the whole line
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * ProcStatus.MILLIS_PER_TICK * 1_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
