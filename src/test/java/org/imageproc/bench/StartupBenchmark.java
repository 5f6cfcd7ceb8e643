package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start to ready: the packaged service in local mode launched N times in each case (labels off and on; a fresh data
 * directory, as on a user's first run, the detector's natives unpacked into it, and the same data directory again), each time from
 * launch to {@code /observe/health/ready} 200, with the JVM's CPU time by then and the load average at launch. The
 * median of each case is its figure. Exits non-zero when a start is never ready or does not stop cleanly.
 *
 * <p>Argument: N (starts per case, default 3). Properties: {@code bench.jar}, {@code bench.heap} (256m),
 * {@code bench.out}, {@code bench.service-jvm-options} (space-separated, e.g. a CDS
 * archive).
 */
public final class StartupBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 60;
    private static final Pattern READY_LINE = Pattern.compile("ready in ([0-9.]+) s");
    // what the JVM says when -XX:SharedArchiveFile names an archive it cannot use, then starting without it
    private static final Pattern ARCHIVE_REFUSED = Pattern.compile("Unable to use shared archive");

    /** One start: from launch to readiness, the JVM's CPU time by then, and the 1-minute load average at launch. */
    private record Start(long readyMs, long cpuMs, double load, String readyLine) {
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path jar = Path.of(System.getProperty("bench.jar", "target/imageproc.jar"));
        Path output = Path.of(System.getProperty("bench.out", "target/bench/startup.md"));
        String heap = System.getProperty("bench.heap", "256m");
        List<String> jvmOptions = ServiceProcess.jvmOptions(jar);
        Path dir = output.toAbsolutePath().getParent();
        Figures figures = new Figures();
        MarkdownTable table = new MarkdownTable("labels", "data directory", "start to ready, median (each)",
                "JVM CPU by then, median", "\"ready in\" line (from camel-main's boot)", "load average at launch");
        List<String> problems = new ArrayList<>();
        for (boolean labels : List.of(false, true)) {
            for (boolean fresh : List.of(true, false)) {
                String name = (labels ? "labels" : "labels-off") + (fresh ? ".fresh" : ".warm");
                List<Start> measured = new ArrayList<>();
                Path warmDir = fresh ? null : DataDirs.fresh(dir, "startup-warm-");
                try {
                    if (!fresh) {
                        // the first start fills the data directory; the measured ones find it as a second run does
                        start(jar, heap, warmDir, labels, jvmOptions, dir.resolve("startup-" + name + "-0.log"));
                    }
                    for (int i = 1; i <= starts; i++) {
                        Path log = dir.resolve("startup-" + name + "-" + i + ".log");
                        if (fresh) {
                            Path dataDir = DataDirs.fresh(dir, "startup-fresh-");
                            measured.add(start(jar, heap, dataDir, labels, jvmOptions, log));
                            DataDirs.delete(dataDir);
                        } else {
                            measured.add(start(jar, heap, warmDir, labels, jvmOptions, log));
                        }
                    }
                } catch (IllegalStateException e) {
                    problems.add(name + ": " + e.getMessage());
                } finally {
                    if (warmDir != null && problems.isEmpty()) {
                        DataDirs.delete(warmDir);
                    }
                }
                if (measured.isEmpty()) {
                    continue;
                }
                Stats ready = Stats.of(measured.stream().map(Start::readyMs).toList());
                Stats cpu = Stats.of(measured.stream().map(Start::cpuMs).toList());
                figures.put("startup." + name + ".ready-ms", ready.median())
                        .put("startup." + name + ".cpu-ms", cpu.median());
                table.row(labels ? "on (local detector)" : "off", fresh ? "fresh (first run)" : "warm (second run)",
                        num(ready.median() / 1000, 2) + " s (" + each(measured.stream().map(Start::readyMs)) + ")",
                        num(cpu.median() / 1000, 1) + " s",
                        String.join(", ", measured.stream().map(Start::readyLine).toList()),
                        String.join(", ", measured.stream().map(start -> num(start.load(), 2)).toList()));
            }
        }
        Report report = new Report("Start to ready")
                .line("- service: `java -Xmx" + heap + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions))
                        + " -jar " + jar + "`, local mode on free ports; " + starts + " starts per case, one after"
                        + " the other; readiness polled every 50 ms")
                .line("- fresh: a new data directory each start (the detector's natives unpack into it: a first"
                        + " run); warm: one data directory, started once before the measured starts")
                .line("- " + Runtime.getRuntime().availableProcessors() + " cores; other work on the machine (the"
                        + " load average) slows a start down")
                .table(table);
        problems.forEach(problem -> report.line("- **problem:** " + problem));
        report.save(output);
        figures.save(Figures.beside(output));
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }

    private static Start start(Path jar, String heap, Path dataDir, boolean labels, List<String> jvmOptions, Path log)
            throws IOException, InterruptedException {
        double load = loadAverage();
        long launched = System.nanoTime();
        LocalService local = LocalService.start(jar, heap, dataDir, labels, jvmOptions, log);
        ServiceProcess service = local.process();
        try {
            local.management().awaitReady(service, READY_TIMEOUT);
            long readyMs = (System.nanoTime() - launched) / 1_000_000;
            long cpuMs = service.cpuMillis();
            if (!service.logLines(ARCHIVE_REFUSED).isEmpty()) {
                throw new IllegalStateException("the JVM did not use the class-data archive (made for another build"
                        + " of the jar?); see " + log);
            }
            return new Start(readyMs, cpuMs, load, readyLine(service));
        } finally {
            ServiceProcess.Shutdown shutdown = service.stop(SHUTDOWN_TIMEOUT_SECONDS);
            if (!shutdown.exitedInTime() || !shutdown.leftBehind().isEmpty()) {
                throw new IllegalStateException("no clean stop after SIGTERM (" + shutdown.describe() + ", left: "
                        + shutdown.leftBehind() + "); see " + log);
            }
        }
    }

    /** What the service itself says ("imageproc ready in N s"), counted from camel-main's boot, not from launch. */
    private static String readyLine(ServiceProcess service) throws IOException, InterruptedException {
        service.awaitLogLine("ready in", Duration.ofSeconds(10));
        return service.logLines(READY_LINE).stream().findFirst().map(line -> {
            Matcher ready = READY_LINE.matcher(line);
            return ready.find() ? ready.group(1) + " s" : "?";
        }).orElse("?");
    }

    private static String each(Stream<Long> millis) {
        return String.join(", ", millis.map(ms -> num(ms / 1000.0, 2)).toList());
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
