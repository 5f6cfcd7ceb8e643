package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * User + system CPU of a Linux process's threads, grouped by name with the numbers taken out ("C2 CompilerThread#",
 * "Camel (camel-#) thread ## - image-steps"), so that the difference of two snapshots says where a pass's CPU went.
 * Threads that ended between two snapshots are not counted; empty where /proc is missing.
 */
final class ThreadCpu {

    private final Map<Long, Long> millisByThread;
    private final Map<Long, String> groupByThread;

    private ThreadCpu(Map<Long, Long> millisByThread, Map<Long, String> groupByThread) {
        this.millisByThread = millisByThread;
        this.groupByThread = groupByThread;
    }

    static ThreadCpu of(long pid) {
        Map<Long, Long> millis = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = ProcStatus.statFields(stat);
                    long id = Long.parseLong(task.getFileName().toString());
                    // utime and stime are fields 14 and 15 of the whole line
                    millis.put(id, (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                            * ProcStatus.MILLIS_PER_TICK);
                    groups.put(id, group(Files.readString(task.resolve("comm")).strip()));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while it was read
                }
            });
        } catch (IOException e) {
            // the process is gone, or this is not Linux
        }
        return new ThreadCpu(millis, groups);
    }

    /** CPU ms per group of threads since {@code before}, largest first. */
    Map<String, Long> since(ThreadCpu before) {
        Map<String, Long> sums = new HashMap<>();
        millisByThread.forEach((id, millis) -> sums.merge(groupByThread.get(id),
                millis - before.millisByThread.getOrDefault(id, 0L), Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        sums.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** The kernel keeps 15 characters of a thread's name; digits are what tell threads of one pool apart. */
    static String group(String name) {
        return name.replaceAll("\\d+", "#");
    }
}
