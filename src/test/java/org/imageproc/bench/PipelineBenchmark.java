package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.imageproc.testing.DynamoDbRequests;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The whole pipeline: the packaged service in local mode on free ports with a fresh data directory, fed through the
 * real S3 API. Start to ready ({@code /observe/health/ready} 200) and to the first image processed; then a warm-up (the
 * corpus once), a burst of N rounds over the corpus (images/second, upload-to-finishedAt latency under load, failures),
 * {@link Passes#steady 1,000 small uploads} so that the JIT has compiled the code every image runs, and a paced pass
 * (one upload at a time: the latency of an idle service, CPU and DynamoDB requests per image). The
 * service's RSS is sampled every second from its launch. N = 0 only starts it, processes one image and stops it.
 *
 * <p>An upload is final when its item is SUCCEEDED, or FAILED for good (a retryable failure waits for the queue's next
 * delivery). Exits non-zero when something could not be measured: the service not ready or dead, an upload never
 * final, no clean stop. Failed images and OutOfMemoryError lines are figures of the report, not failures of the
 * benchmark.
 *
 * <p>Argument: N (rounds over the corpus, default 3). Properties: {@code bench.name} (pipeline: the title, the key
 * prefix of the figures), {@code bench.corpus}, {@code bench.jar}, {@code bench.heap} (256m), {@code bench.out},
 * {@code bench.labels} (on: the local detector; off), {@code bench.paced} (true), {@code bench.steady-uploads} (1000),
 * {@code bench.cds} (true: the build's class-data archive when it is there), {@code bench.service-jvm-options}
 * (space-separated, e.g. a native cache of its own or a flight recording).
 */
public final class PipelineBenchmark {

    private static final String TABLE = "ImageMetadata";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 90;
    private static final Pattern OUT_OF_MEMORY = Pattern.compile("OutOfMemoryError");
    // written once per delivery of an event that failed and is left for the queue to deliver again (run/Delivery)
    private static final Pattern FAILED_DELIVERY = Pattern.compile("comes back from the queue");
    private static final Pattern ERROR = Pattern.compile(" ERROR |^Exception in thread|OutOfMemoryError");
    private static final int FAILURES_SHOWN = 5;

    private final String name;
    private final Figures figures = new Figures();
    private final List<String> problems = new ArrayList<>();
    private final List<Pass> passes = new ArrayList<>();
    private long readyMs = -1;
    private long firstImageMs = -1;
    private Optional<DynamoDbRequests> pacedRequests = Optional.empty();
    private boolean counterMissing;

    private PipelineBenchmark(String name) {
        this.name = name;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String name = System.getProperty("bench.name", "pipeline");
        Path corpus = Path.of(System.getProperty("bench.corpus", "../shared/bench/corpus"));
        Path jar = Path.of(System.getProperty("bench.jar", "target/imageproc.jar"));
        Path output = Path.of(System.getProperty("bench.out", "target/bench/" + name + ".md"));
        String heap = System.getProperty("bench.heap", "256m");
        boolean labels = !"off".equalsIgnoreCase(System.getProperty("bench.labels", "on"));
        boolean paced = Boolean.parseBoolean(System.getProperty("bench.paced", "true"));
        int steadyUploads = Integer.getInteger("bench.steady-uploads", Passes.STEADY_UPLOADS);
        List<String> jvmOptions = ServiceProcess.jvmOptions(jar);
        List<CorpusFolder> folders = CorpusFolder.list(corpus);
        Path dir = output.toAbsolutePath().getParent();
        Path dataDir = DataDirs.fresh(dir, name + "-data-");

        PipelineBenchmark bench = new PipelineBenchmark(name);
        long launched = System.nanoTime();
        LocalService local = LocalService.start(jar, heap, dataDir, labels, jvmOptions,
                dir.resolve(name + "-service.log"));
        ServiceProcess service = local.process();
        List<RssSampler.Sample> samples = List.of();
        long peakRssMb = 0;
        long childrenPeakRssMb = 0;
        try (RssSampler sampler = RssSampler.start(service, () -> 0);
             BenchClients.Stack clients = local.clients()) {
            local.management().awaitReady(service, READY_TIMEOUT);
            bench.readyMs = (System.nanoTime() - launched) / 1_000_000;
            Passes corpusPasses = new Passes(clients.s3(), new ImageItems(clients.dynamoDb(), TABLE, List.of(service)),
                    folders, service);
            corpusPasses.first(READY_TIMEOUT);
            bench.firstImageMs = (System.nanoTime() - launched) / 1_000_000;
            if (rounds > 0) {
                bench.passes.add(corpusPasses.burst("warm-up", 1));
                bench.passes.add(corpusPasses.burst("burst", rounds));
            }
            if (rounds > 0 && paced) {
                if (steadyUploads > 0) {
                    corpusPasses.steady(steadyUploads, corpus);
                }
                DynamoDbRequests before = local.management().dynamoDbRequests();
                bench.passes.add(corpusPasses.paced("paced"));
                DynamoDbRequests after = local.management().dynamoDbRequests();
                // a service with the counter has made DynamoDB calls by now (each image's are counted)
                bench.counterMissing = after.byOperation().isEmpty();
                bench.pacedRequests = bench.counterMissing ? Optional.empty() : Optional.of(after.since(before));
            }
            peakRssMb = service.peakRssMb();
            childrenPeakRssMb = service.childrenPeakRssMb();
            samples = sampler.samples();
            sampler.writeCsv(dir.resolve(name + "-rss.csv"));
        } catch (IllegalStateException | SdkException | TimeoutException | IOException e) {
            bench.problems.add(e.getMessage());
        }
        ServiceProcess.Shutdown shutdown = service.stop(SHUTDOWN_TIMEOUT_SECONDS);
        if (!shutdown.exitedInTime()) {
            bench.problems.add("the service did not exit within " + SHUTDOWN_TIMEOUT_SECONDS + " s of SIGTERM");
        }
        shutdown.leftBehind().forEach(child -> bench.problems.add("still running after the service exited: "
                + child));

        double highestSampleMb = samples.stream().mapToDouble(RssSampler.Sample::jvmMb).max().orElse(0);
        int outOfMemory = service.logLines(OUT_OF_MEMORY).size();
        int failedDeliveries = service.logLines(FAILED_DELIVERY).size();
        List<String> errors = service.logLines(ERROR);
        bench.figures.put(name + ".oom-lines", outOfMemory).put(name + ".failed-deliveries", failedDeliveries)
                .put(name + ".peak-rss-mb", Math.max(highestSampleMb, peakRssMb));
        Report report = bench.report(heap, labels, jvmOptions, jar, rounds, folders, steadyUploads);
        report.table(new MarkdownTable("service", "value")
                .row("heap limit", heap)
                .row("RSS of the JVM: highest of " + samples.size() + " samples 1 s apart / peak (VmHWM)",
                        num(highestSampleMb, 0) + " / " + peakRssMb + " MB (every sample: " + name + "-rss.csv)")
                .row("peak RSS of its child processes (local DynamoDB)", childrenPeakRssMb + " MB")
                .row("shutdown after SIGTERM", shutdown.describe())
                .row("child processes left running", shutdown.leftBehind().size())
                .row("OutOfMemoryError lines in the service log", outOfMemory)
                .row("deliveries that failed and came back from the queue (log)", failedDeliveries)
                .row("ERROR lines in the service log", errors.size()
                        + (errors.isEmpty() ? "" : " (first: `" + errors.get(0).strip() + "`)")));
        bench.failures(report);
        bench.problems.forEach(problem -> report.line("- **problem:** " + problem));
        report.save(output);
        bench.figures.save(Figures.beside(output));
        if (!bench.problems.isEmpty()) {
            System.err.println("Pipeline benchmark " + name + " could not measure everything: "
                    + bench.problems.size() + " problem(s); service log: " + service.log() + "; data kept in "
                    + dataDir);
            System.exit(1);
        }
        DataDirs.delete(dataDir);
    }

    private Report report(String heap, boolean labels, List<String> jvmOptions, Path jar, int rounds,
            List<CorpusFolder> folders, int steadyUploads) {
        figures.put(name + ".ready-ms", readyMs).put(name + ".first-image-ms", firstImageMs);
        int corpus = folders.stream().mapToInt(folder -> folder.files().size()).sum();
        Report report = new Report("Whole pipeline: " + name)
                .line("- service: `java -Xmx" + heap + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions))
                        + " -jar " + jar + "`, local mode (embedded stack), labels " + (labels ? "on (local detector)"
                        : "off") + ", a fresh data directory, default settings otherwise")
                .line("- start: " + (readyMs < 0 ? "never ready" : "`/observe/health/ready` 200 after " + readyMs
                        + " ms") + (firstImageMs < 0 ? "" : "; one small upload then final after " + firstImageMs
                        + " ms (both from launch)"));
        if (rounds > 0) {
            report.line("- burst: " + rounds + " x " + corpus + " uploads sent back to back from one thread, after a"
                            + " warm-up of the corpus once; img/s = images / (first upload start to last finishedAt)");
            if (passes.stream().anyMatch(pass -> pass.name().equals("paced"))) {
                report.line("- paced: one upload at a time, the next after the previous item is final (an idle"
                        + " service), after " + steadyUploads + " small uploads (generated JPEGs, one in 20 from the"
                        + " corpus; at most 16 at a time) that let the JIT compile the code every image runs");
            }
            report.line("- latency: upload start to the item's finishedAt, in ms; CPU: user + system time the"
                    + " service's JVM and its local DynamoDB (node) used during the pass, per image");
        }
        for (Pass pass : passes) {
            Throughput throughput = Throughput.of(pass.outcomes());
            String key = name + "." + pass.name() + ".";
            figures.put(key + "images", pass.outcomes().size())
                    .put(key + "failed", pass.outcomes().size() - throughput.succeeded())
                    .put(key + "img-per-s", throughput.perSecond())
                    .put(key + "p50-ms", throughput.latency().median())
                    .put(key + "p99-ms", throughput.latency().percentile(99))
                    .put(key + "cpu-ms", pass.serviceCpuMsPerImage());
        }
        if (!passes.isEmpty()) {
            report.table(PassTable.of(passes, folders));
            List<Pass> measured = passes.stream().filter(pass -> !pass.name().equals("warm-up")).toList();
            report.table(StepBreakdown.of(measured.stream().map(Pass::name).toList(),
                    measured.stream().map(Pass::outcomes).toList()));
        }
        pacedRequests.ifPresent(requests -> {
            int images = passes.get(passes.size() - 1).outcomes().size();
            figures.put(name + ".dynamodb-writes", (double) requests.writes() / images);
            report.line("- DynamoDB requests per image in the paced pass (" + Management.DYNAMODB_REQUESTS + "): "
                    + num((double) requests.writes() / images, 2) + " writes; all calls: " + requests.byOperation()
                    .entrySet().stream().map(e -> e.getKey() + " " + num(e.getValue() / images, 2))
                    .collect(Collectors.joining(", ")));
        });
        if (counterMissing) {
            figures.put(name + ".dynamodb-writes", "n/a (counter missing)");
            report.line("- DynamoDB requests per image: n/a (the service has no " + Management.DYNAMODB_REQUESTS
                    + " counter)");
        }
        return report;
    }

    /** The images that failed, a few with their errors: a finding of the run, not a failure of the benchmark. */
    private void failures(Report report) {
        List<Outcome> failed = passes.stream().flatMap(pass -> pass.outcomes().stream())
                .filter(outcome -> !outcome.succeeded()).toList();
        failed.stream().limit(FAILURES_SHOWN).forEach(outcome -> report.line("- **failed:** "
                + outcome.upload().imageId() + " " + outcome.status() + ": " + outcome.error()));
        if (failed.size() > FAILURES_SHOWN) {
            report.line("- **failed:** " + (failed.size() - FAILURES_SHOWN) + " more");
        }
    }
}
