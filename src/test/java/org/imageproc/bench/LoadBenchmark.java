package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.imageproc.testing.DynamoDbRequests;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Issue #10's load benchmark: N uploads (default 10,000) through one packaged service in local mode, in a closed loop;
 * every upload must end SUCCEEDED, once, with both queues drained. Reports throughput, upload-to-finishedAt latency
 * and the service's RSS, sampled every second, with its trend after the warm-up. Exits non-zero on any problem.
 *
 * <p>Argument: N. Properties: those of {@link LoadSettings}; heap 512m (the local detector runs in the service),
 * window 32, output target/bench/load.md.
 */
public final class LoadBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 90;

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.read(args.length > 0 ? Integer.parseInt(args[0]) : 10_000,
                "target/bench/load.md", "512m", 32);
        PhotoMix photos = settings.photos();
        Path dir = Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Path dataDir = DataDirs.fresh(dir, "load-data-");
        Path log = dir.resolve("load-service.log");
        long launched = System.nanoTime();
        LocalService local = LocalService.start(settings.jar(), settings.heap(), dataDir, settings.labels(),
                settings.jvmOptions(), log);
        ServiceProcess service = local.process();
        Management management = local.management();
        List<String> problems = new ArrayList<>();
        LoadRun.Result result = null;
        List<RssSampler.Sample> samples = List.of();
        Map<String, Double> counters = Map.of();
        DynamoDbRequests dynamoDbRequests = new DynamoDbRequests(Map.of());
        long readyMs = -1;
        long peakJvmMb = 0;
        long peakChildrenMb = 0;
        long cpuMs = 0;
        long childrenCpuMs = 0;
        try (BenchClients.Stack clients = local.clients()) {
            management.awaitReady(service, READY_TIMEOUT);
            readyMs = (System.nanoTime() - launched) / 1_000_000;
            LoadRun run = new LoadRun(settings, clients, List.of(service));
            long cpuBefore = service.cpuMillis();
            long childrenCpuBefore = service.childrenCpuMillis();
            try (RssSampler sampler = RssSampler.start(service, run::finished)) {
                result = run.run("load", photos, () -> List.of(RunLog.read("service", log)));
                samples = sampler.samples();
                sampler.writeCsv(dir.resolve("load-rss.csv"));
            }
            cpuMs = service.cpuMillis() - cpuBefore;
            childrenCpuMs = service.childrenCpuMillis() - childrenCpuBefore;
            problems.addAll(result.problems());
            counters = management.imageCounters();
            dynamoDbRequests = management.dynamoDbRequests();
            peakJvmMb = service.peakRssMb();
            peakChildrenMb = service.childrenPeakRssMb();
        } catch (IllegalStateException | SdkException | IOException e) {
            problems.add(e.getMessage());
        }
        ServiceProcess.Shutdown shutdown = service.stop(SHUTDOWN_TIMEOUT_SECONDS);
        if (!shutdown.exitedInTime()) {
            problems.add("the service did not exit within " + SHUTDOWN_TIMEOUT_SECONDS + " s of SIGTERM");
        }
        shutdown.leftBehind().forEach(child -> problems.add("still running after the service exited: " + child));
        RunLog runLog = RunLog.read("service", log);

        Report report = new Report(String.format("Load: %,d uploads through one service", settings.count()))
                .line("- service: `java -Xmx" + settings.heap() + " -jar " + settings.jar() + "`, local mode (embedded"
                        + " stack), labels " + (settings.labels() ? "on (local detector)" : "off") + "; ready "
                        + readyMs + " ms after launch")
                .line("- uploads: " + photos.describe(settings.count()) + "; at most " + settings.window()
                        + " not final at a time (closed loop); the first " + settings.warmup() + " are the warm-up")
                .line("- latency: upload start to the item's finishedAt; img/s: uploads / (first upload start to"
                        + " last finishedAt)");
        if (result != null && !result.outcomes().isEmpty()) {
            MarkdownTable figures = Throughput.table("which");
            Throughput.row(figures, "all", result.outcomes());
            List<Outcome> measured = result.measured();
            Throughput.row(figures, "after the warm-up", measured);
            measured.stream().map(outcome -> outcome.upload().folder()).distinct().sorted().forEach(kind ->
                    Throughput.row(figures, "after the warm-up: " + kind, measured.stream()
                            .filter(outcome -> outcome.upload().folder().equals(kind)).toList(), false));
            report.table(figures);
            report.table(StepBreakdown.of(List.of("after the warm-up"), List.of(measured)));
            double perThousand = 1000 / Throughput.of(result.outcomes()).perSecond() / 60;
            report.line(String.format("- **%s min per 1,000 uploads** (all of them): 10,000 take about %s min",
                    num(perThousand, 1), num(perThousand * 10, 0)));
            report.table(RssTable.of(samples, settings.warmup(), peakJvmMb, peakChildrenMb))
                    .line("- every sample: " + dir.resolve("load-rss.csv"));
            report.table(result.checks());
        }
        report.table(new MarkdownTable("service", "value")
                .row("imageproc_images_* at the end", counters.toString())
                .row("CPU ms per upload (user + system, the whole run): JVM / local DynamoDB", result == null
                        || result.sent().isEmpty() ? "" : cpuMs / result.sent().size() + " / "
                        + childrenCpuMs / result.sent().size())
                .row("DynamoDB writes per upload (PutItem, UpdateItem... / uploads; the whole run)", result == null
                        || result.sent().isEmpty() ? "" : num((double) dynamoDbRequests.writes()
                        / result.sent().size(), 2) + " (all calls: " + dynamoDbRequests.byOperation() + ")")
                .row("runs started / SUCCEEDED (log, whole run)", runLog.started().size() + " / "
                        + runLog.succeeded().size())
                .row("ERROR lines / OutOfMemoryError lines in the log", runLog.errorLines() + " / "
                        + runLog.outOfMemoryLines())
                .row("shutdown after SIGTERM", shutdown.describe()));
        problems.forEach(problem -> report.line("- **problem:** " + problem));
        report.save(settings.out());
        if (!problems.isEmpty()) {
            System.err.println("Load benchmark FAILED: " + problems.size() + " problem(s); service log: " + log
                    + "; data kept in " + dataDir);
            System.exit(1);
        }
        if (!settings.keepData()) {
            DataDirs.delete(dataDir);
        }
    }
}
