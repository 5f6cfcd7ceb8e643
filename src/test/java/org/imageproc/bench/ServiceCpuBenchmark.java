package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * The CPU the service's own JVM spends per image, without the stack's: the local stack in a JVM of its own
 * ({@link SeparateStack}: S3, SQS, DynamoDB, and the local detector behind DetectLabels), the packaged service in
 * {@code aws} mode pointed at it, labels on. After a warm-up (the corpus 1 + N times, N the labels part's burst rounds,
 * the only argument, default 3, then {@link Passes#steady 1,000 small uploads}), a paced pass (one upload
 * at a time) gives user + system CPU per image of the service's JVM, of the stack's JVM and of its DynamoDB (node).
 * Exits non-zero when something could not be measured.
 *
 * <p>Properties: {@code bench.corpus}, {@code bench.jar}, {@code bench.heap} (256m), {@code bench.stack-heap} (768m:
 * the detector runs in the stack), {@code bench.out} (target/bench/service-cpu.md),
 * {@code bench.service-jvm-options}.
 */
public final class ServiceCpuBenchmark {

    private static final String NAME = "service-cpu";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 90;
    private static final int THREAD_GROUPS = 12;

    private ServiceCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("bench.corpus", "../shared/bench/corpus"));
        Path jar = Path.of(System.getProperty("bench.jar", "target/imageproc.jar"));
        Path output = Path.of(System.getProperty("bench.out", "target/bench/" + NAME + ".md"));
        String heap = System.getProperty("bench.heap", "256m");
        String stackHeap = System.getProperty("bench.stack-heap", "768m");
        // the same uploads before the paced pass as the labels part's (its warm-up, burst and steady uploads): the
        // JIT compiles for the first thousand or so, and its threads' CPU counts
        int warmUpRounds = 1 + (args.length > 0 ? Integer.parseInt(args[0]) : 3);
        int steadyUploads = Integer.getInteger("bench.steady-uploads", Passes.STEADY_UPLOADS);
        List<String> jvmOptions = ServiceProcess.jvmOptions(jar);
        List<CorpusFolder> folders = CorpusFolder.list(corpus);
        Path dir = output.toAbsolutePath().getParent();
        Path dataDir = DataDirs.fresh(dir, NAME + "-data-");

        List<String> problems = new ArrayList<>();
        Pass paced = null;
        long stackCpuMs = 0;
        long stackChildrenCpuMs = 0;
        Map<String, Long> byThread = Map.of();
        SeparateStack stack = SeparateStack.start(stackHeap, dataDir, true, dir.resolve(NAME + "-stack.log"));
        SeparateStack.Service service = null;
        try (BenchClients.Stack clients = stack.clients()) {
            stack.awaitReady(READY_TIMEOUT);
            service = stack.startService(jar, heap, jvmOptions, dir.resolve(NAME + "-service.log"));
            service.management().awaitReady(service.process(), READY_TIMEOUT);
            Passes passes = new Passes(clients.s3(), new ImageItems(clients.dynamoDb(), LoadRun.TABLE,
                    List.of(service.process(), stack.process())), folders, service.process());
            passes.first(READY_TIMEOUT);
            passes.burst("warm-up", warmUpRounds);
            if (steadyUploads > 0) {
                passes.steady(steadyUploads, corpus);
            }
            long stackCpu = stack.process().cpuMillis();
            long stackChildrenCpu = stack.process().childrenCpuMillis();
            ThreadCpu threadsBefore = ThreadCpu.of(service.process().pid());
            paced = passes.paced("paced");
            byThread = ThreadCpu.of(service.process().pid()).since(threadsBefore);
            stackCpuMs = stack.process().cpuMillis() - stackCpu;
            stackChildrenCpuMs = stack.process().childrenCpuMillis() - stackChildrenCpu;
        } catch (IllegalStateException | SdkException | TimeoutException | IOException e) {
            problems.add(e.getMessage());
        }
        if (service != null) {
            stopped(service.process(), "the service", problems);
        }
        stopped(stack.process(), "the stack", problems);

        Report report = new Report("CPU per image of the service's own JVM (aws mode, the stack apart)")
                .line("- stack: `java -Xmx" + stackHeap + " … " + StandaloneStack.class.getSimpleName() + "`: S3, SQS,"
                        + " DynamoDB (node) and Rekognition DetectLabels by the local detector, **all in the stack's"
                        + " processes**")
                .line("- service: `IMAGEPROC_MODE=aws java -Xmx" + heap
                        + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions)) + " -jar " + jar
                        + "` with the stack's endpoints in its environment, labels on; a warm-up (the corpus "
                        + warmUpRounds + " times and " + steadyUploads + " small uploads, as the labels part's warm-up,"
                        + " burst and steady uploads), then the paced pass: one upload at a time");
        Figures figures = new Figures();
        if (paced != null) {
            int images = paced.outcomes().size();
            Throughput throughput = Throughput.of(paced.outcomes());
            report.table(new MarkdownTable("paced pass, " + images + " images", "CPU ms per image (user + system)")
                    .row("**service JVM**", num(paced.serviceCpuMsPerImage(), 0))
                    .row("stack JVM (S3, SQS, Rekognition with the local detector)", num((double) stackCpuMs / images,
                            0))
                    .row("stack's DynamoDB (node)", num((double) stackChildrenCpuMs / images, 0))
                    .row("upload to finishedAt p50 / p99, ms (for comparison with local mode)",
                            num(throughput.latency().median(), 0) + " / "
                                    + num(throughput.latency().percentile(99), 0)));
            MarkdownTable threads = new MarkdownTable("the service JVM's threads (numbers taken out of their names)",
                    "CPU ms per image", "share");
            long threadTotal = byThread.values().stream().mapToLong(Long::longValue).sum();
            byThread.entrySet().stream().limit(THREAD_GROUPS).forEach(entry -> threads.row("`" + entry.getKey() + "`",
                    num((double) entry.getValue() / images, 1), num(100.0 * entry.getValue() / threadTotal, 0) + " %"));
            report.line("").line("Where the service's CPU went in the paced pass (threads alive at both ends, from"
                    + " /proc; the " + THREAD_GROUPS + " largest groups):").table(threads);
            figures.put(NAME + ".service-ms", paced.serviceCpuMsPerImage())
                    .put(NAME + ".stack-ms", (double) stackCpuMs / images)
                    .put(NAME + ".dynamodb-ms", (double) stackChildrenCpuMs / images)
                    .put(NAME + ".failed", images - throughput.succeeded());
        }
        problems.forEach(problem -> report.line("- **problem:** " + problem));
        report.save(output);
        figures.save(Figures.beside(output));
        if (!problems.isEmpty()) {
            System.err.println("Service CPU benchmark could not measure everything: " + problems.size()
                    + " problem(s); logs in " + dir + "; data kept in " + dataDir);
            System.exit(1);
        }
        DataDirs.delete(dataDir);
    }

    private static void stopped(ServiceProcess process, String what, List<String> problems)
            throws InterruptedException {
        ServiceProcess.Shutdown shutdown = process.stop(SHUTDOWN_TIMEOUT_SECONDS);
        if (!shutdown.exitedInTime()) {
            problems.add(what + " did not exit within " + SHUTDOWN_TIMEOUT_SECONDS + " s of SIGTERM");
        }
        shutdown.leftBehind().forEach(child -> problems.add("still running after " + what + " exited: " + child));
    }
}
