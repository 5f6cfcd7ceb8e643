package org.imageproc.bench;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Part 2 of the benchmarks: the packaged service in local mode, fed through the real S3 API. A burst of N rounds over
 * the corpus gives images/second and upload-to-SUCCEEDED latency under load; a paced pass (one upload at a time)
 * gives the latency of an idle service. Exits non-zero when an image fails or the service dies.
 *
 * <p>Argument: N (rounds over the corpus, default 3). Properties: {@code bench.corpus}, {@code bench.jar},
 * {@code bench.heap} (256m), {@code bench.out}, {@code bench.s3-port} / {@code sqs-port} / {@code dynamodb-port},
 * {@code bench.service-jvm-options} (space-separated, e.g. a flight recording).
 */
public final class PipelineBenchmark {

    private static final String BUCKET = "photo-repo";
    private static final String TABLE = "ImageMetadata";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration PASS_TIMEOUT = Duration.ofMinutes(15);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 90;
    private static final Pattern OUT_OF_MEMORY = Pattern.compile("OutOfMemoryError");
    private static final Pattern ERROR = Pattern.compile(" ERROR |^Exception in thread|OutOfMemoryError");

    private final S3Client s3;
    private final ServiceProcess service;
    private final ImageItems items;
    private final List<CorpusFolder> folders;

    private PipelineBenchmark(S3Client s3, ServiceProcess service, ImageItems items, List<CorpusFolder> folders) {
        this.s3 = s3;
        this.service = service;
        this.items = items;
        this.folders = folders;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path corpus = Path.of(System.getProperty("bench.corpus", "../shared/bench/corpus"));
        Path jar = Path.of(System.getProperty("bench.jar", "target/imageproc.jar"));
        Path output = Path.of(System.getProperty("bench.out", "target/bench/pipeline.md"));
        String heap = System.getProperty("bench.heap", "256m");
        int s3Port = Integer.getInteger("bench.s3-port", 19000);
        int sqsPort = Integer.getInteger("bench.sqs-port", 19324);
        int dynamoDbPort = Integer.getInteger("bench.dynamodb-port", 18000);
        List<String> jvmOptions = List.of(System.getProperty("bench.service-jvm-options", "").split("\\s+")).stream()
                .filter(option -> !option.isBlank()).toList();
        List<CorpusFolder> folders = CorpusFolder.list(corpus);
        requireFree(s3Port, sqsPort, dynamoDbPort);
        Path dataDir = Files.createTempDirectory(Files.createDirectories(output.toAbsolutePath().getParent()), "data-");

        long launched = System.nanoTime();
        ServiceProcess service = ServiceProcess.start(jar, heap, List.of(
                "imageproc.data-dir=" + dataDir,
                "imageproc.local.s3-port=" + s3Port,
                "imageproc.local.sqs-port=" + sqsPort,
                "imageproc.local.dynamodb-port=" + dynamoDbPort), jvmOptions, output.resolveSibling("service.log"));
        List<String> problems = new ArrayList<>();
        List<Pass> passes = new ArrayList<>();
        long readyMs = -1;
        long firstImageMs = -1;
        List<Upload> slowProbes = List.of();
        long peakRssMb = 0;
        long childrenPeakRssMb = 0;
        try (S3Client s3 = BenchClients.s3(URI.create("http://127.0.0.1:" + s3Port));
             DynamoDbClient dynamoDb = BenchClients.dynamoDb(URI.create("http://127.0.0.1:" + dynamoDbPort))) {
            awaitReady(s3, dynamoDb, service);
            readyMs = (System.nanoTime() - launched) / 1_000_000;
            PipelineBenchmark bench = new PipelineBenchmark(s3, service, new ImageItems(dynamoDb, TABLE, List.of(service)),
                    folders);
            slowProbes = bench.probeUntilProcessed();
            firstImageMs = (System.nanoTime() - launched) / 1_000_000;
            passes.add(bench.burst("warm-up", 1));
            passes.add(bench.burst("burst", rounds));
            passes.add(bench.paced("paced"));
            // a probe that took longer than its wait (a busy machine loading the model) is slow, not lost
            int lost = bench.neverProcessed(slowProbes);
            if (lost > 0) {
                problems.add(lost + " upload(s) accepted by S3 " + readyMs + " ms or more after launch were"
                        + " never processed");
            }
            peakRssMb = service.peakRssMb();
            childrenPeakRssMb = service.childrenPeakRssMb();
        } catch (IllegalStateException | SdkException | TimeoutException e) {
            problems.add(e.getMessage());
        }
        ServiceProcess.Shutdown shutdown = service.stop(SHUTDOWN_TIMEOUT_SECONDS);

        passes.forEach(pass -> pass.outcomes().stream().filter(outcome -> !outcome.succeeded())
                .forEach(outcome -> problems.add(outcome.upload().imageId() + " " + outcome.status() + ": "
                        + outcome.error())));
        service.logLines(OUT_OF_MEMORY).forEach(line -> problems.add("service log: " + line));
        if (!shutdown.exitedInTime()) {
            problems.add("the service did not exit within " + SHUTDOWN_TIMEOUT_SECONDS + " s of SIGTERM");
        }
        shutdown.leftBehind().forEach(child -> problems.add("still running after the service exited: " + child));

        Report report = new Report("Whole pipeline through the embedded stack")
                .line("- service: `java -Xmx" + heap + " -jar " + jar + "`, local mode, default settings otherwise;"
                        + (readyMs < 0 ? " never ready" : " bucket and table answer " + readyMs + " ms after launch")
                        + (firstImageMs < 0 ? "" : ", first image processed after " + firstImageMs + " ms"))
                .line("- burst: " + rounds + " x " + corpusSize(folders) + " uploads sent back to back from one"
                        + " thread; img/s = images / (first upload start to last finishedAt)")
                .line("- paced: one upload at a time, the next after the previous item is final (an idle service)")
                .line("- latency: upload start to the item's finishedAt, in ms; CPU: user + system time the service's"
                        + " JVM and its local DynamoDB (node) used during the pass, per image");
        if (!passes.isEmpty()) {
            report.table(PassTable.of(passes, folders));
            List<Pass> measured = passes.stream().filter(pass -> !pass.name().equals("warm-up")).toList();
            report.table(StepBreakdown.of(measured.stream().map(Pass::name).toList(),
                    measured.stream().map(Pass::outcomes).toList()));
        }
        List<String> errors = service.logLines(ERROR);
        report.table(new MarkdownTable("service", "value")
                .row("heap limit", heap)
                .row("peak RSS of the JVM (VmHWM)", peakRssMb + " MB")
                .row("peak RSS of its child processes (local DynamoDB)", childrenPeakRssMb + " MB")
                .row("shutdown after SIGTERM", shutdown.describe())
                .row("child processes left running", shutdown.leftBehind().size())
                .row("ERROR lines in the service log", errors.size()
                        + (errors.isEmpty() ? "" : " (first: `" + errors.get(0).strip() + "`)")));
        problems.forEach(problem -> report.line("- **problem:** " + problem));
        report.save(output);
        if (!problems.isEmpty()) {
            System.err.println("Pipeline benchmark FAILED: " + problems.size() + " problem(s); service log: "
                    + service.log());
            System.exit(1);
        }
    }

    /**
     * Uploads one small image at a time until one is processed, so the passes start on a service that consumes;
     * returns how many uploads before it were never processed.
     */
    private List<Upload> probeUntilProcessed() throws InterruptedException, TimeoutException {
        CorpusFolder folder = folders.get(0);
        Path smallest = folder.files().stream()
                .min(Comparator.comparingLong(file -> file.toFile().length())).orElseThrow();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<Upload> unanswered = new ArrayList<>();
        for (int attempt = 0; Instant.now().isBefore(deadline); attempt++) {
            Upload probe;
            try {
                probe = upload("probe-" + attempt, folder, smallest);
            } catch (SdkException refused) {
                // the local S3 refuses uploads (503, the connection closed mid-body) until the consumer runs
                Thread.sleep(250);
                continue;
            }
            try {
                items.awaitFinal(List.of(probe), Duration.ofMillis(100), PROBE_TIMEOUT);
                return unanswered;
            } catch (TimeoutException slow) {
                // stored, but not processed yet: lost on the way to the queue, or only slow; try again
                unanswered.add(probe);
            }
        }
        throw new TimeoutException("No upload was processed within " + READY_TIMEOUT + " of the service's start");
    }

    /** How many of these uploads still have no final item, long after they were sent. */
    private int neverProcessed(List<Upload> uploads) throws InterruptedException {
        int lost = 0;
        for (Upload upload : uploads) {
            try {
                items.awaitFinal(List.of(upload), Duration.ofMillis(100), Duration.ofSeconds(1));
            } catch (TimeoutException e) {
                lost++;
            }
        }
        return lost;
    }

    private Pass burst(String name, int rounds) throws InterruptedException, TimeoutException {
        List<Upload> uploads = new ArrayList<>();
        long cpu = service.cpuMillis();
        long childrenCpu = service.childrenCpuMillis();
        long start = System.nanoTime();
        for (int round = 1; round <= rounds; round++) {
            for (CorpusFolder folder : folders) {
                for (Path file : folder.files()) {
                    uploads.add(upload(name + "-" + round, folder, file));
                }
            }
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        List<Outcome> outcomes = items.awaitFinal(uploads, Duration.ofMillis(500), PASS_TIMEOUT);
        return new Pass(name, outcomes, uploadSeconds, service.cpuMillis() - cpu,
                service.childrenCpuMillis() - childrenCpu);
    }

    private Pass paced(String name) throws InterruptedException, TimeoutException {
        List<Outcome> outcomes = new ArrayList<>();
        double uploadSeconds = 0;
        long cpu = service.cpuMillis();
        long childrenCpu = service.childrenCpuMillis();
        for (CorpusFolder folder : folders) {
            for (Path file : folder.files()) {
                long start = System.nanoTime();
                Upload upload = upload(name, folder, file);
                uploadSeconds += (System.nanoTime() - start) / 1e9;
                outcomes.addAll(items.awaitFinal(List.of(upload), Duration.ofMillis(20), Duration.ofMinutes(2)));
            }
        }
        return new Pass(name, outcomes, uploadSeconds, service.cpuMillis() - cpu,
                service.childrenCpuMillis() - childrenCpu);
    }

    private Upload upload(String prefix, CorpusFolder folder, Path file) {
        String imageId = prefix + "-" + folder.name() + "-" + file.getFileName();
        Instant start = Instant.now();
        s3.putObject(request -> request.bucket(BUCKET).key("Incoming/" + imageId), RequestBody.fromFile(file));
        return new Upload(imageId, folder.name(), start);
    }

    private static void awaitReady(S3Client s3, DynamoDbClient dynamoDb, ServiceProcess service)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("The service exited during startup; see " + service.log());
            }
            try {
                s3.headBucket(request -> request.bucket(BUCKET));
                if (dynamoDb.describeTable(request -> request.tableName(TABLE)).table().tableStatus()
                        == TableStatus.ACTIVE) {
                    return;
                }
            } catch (SdkException notYet) {
                // the servers are still starting or the table is not created yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service was not ready within " + READY_TIMEOUT);
    }

    // another service on these ports would answer in its place, and this one would fail to bind
    private static void requireFree(int... ports) throws IOException {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (BindException e) {
                throw new IllegalStateException("Port " + port + " is in use; choose others with -Dbench.s3-port,"
                        + " -Dbench.sqs-port and -Dbench.dynamodb-port (BENCH_JAVA_OPTS for bench/run.sh)", e);
            }
        }
    }

    private static int corpusSize(List<CorpusFolder> folders) {
        return folders.stream().mapToInt(folder -> folder.files().size()).sum();
    }
}
