package org.imageproc.bench;

import static org.imageproc.bench.MarkdownTable.num;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * Issue #10's scale benchmark: one local stack in a JVM of its own ({@link StandaloneStack}), and the packaged service
 * in {@code aws} mode pointed at it as at AWS (endpoint overrides and static credentials in its environment): N uploads
 * through one service, then the same photos through P services consuming the one queue. Every upload must end
 * SUCCEEDED exactly once; reports each process's share and the throughput of P services against one.
 *
 * <p>Arguments: N (default 10,000), P (default 3). Properties: those of {@link LoadSettings}; heap 256m per service,
 * window 96; {@code bench.stack-heap} (768m, the local detector runs in the stack); output target/bench/scale.md.
 */
public final class ScaleBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 90;

    /** One service process of a phase, and what it said about itself before it stopped. */
    private record Member(String name, ServiceProcess process, Management management) {
    }

    /** What one process of a phase did; {@code cpuMs} from its readiness to the end of the run. */
    private record Figures(String name, Map<String, Double> counters, long cpuMs, long peakRssMb, RunLog log,
            ServiceProcess.Shutdown shutdown) {
    }

    /**
     * One phase: a count of services, the run through them, each one's figures, and the CPU the stack's JVM and its
     * DynamoDB used during the run.
     */
    private record Phase(int services, LoadRun.Result result, List<Figures> figures, long stackCpuMs,
            long stackChildrenCpuMs) {

        /** CPU ms per upload: the services together, the stack's JVM, its DynamoDB. */
        long[] cpuPerUpload() {
            int uploads = Math.max(1, result.sent().size());
            return new long[] {figures.stream().mapToLong(Figures::cpuMs).sum() / uploads, stackCpuMs / uploads,
                stackChildrenCpuMs / uploads};
        }
    }

    private final LoadSettings settings;
    private final PhotoMix photos;
    private final Path dir;
    private final SeparateStack separate;
    private final ServiceProcess stack;
    private final List<String> problems = new ArrayList<>();

    private ScaleBenchmark(LoadSettings settings, PhotoMix photos, Path dir, SeparateStack separate) {
        this.settings = settings;
        this.photos = photos;
        this.dir = dir;
        this.separate = separate;
        this.stack = separate.process();
    }

    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.read(args.length > 0 ? Integer.parseInt(args[0]) : 10_000,
                "target/bench/scale.md", "256m", 96);
        int processes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String stackHeap = System.getProperty("bench.stack-heap", "768m");
        PhotoMix photos = settings.photos();
        Path dir = Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Path dataDir = DataDirs.fresh(dir, "scale-data-");
        long launched = System.nanoTime();
        SeparateStack separate = SeparateStack.start(stackHeap, dataDir, settings.labels(),
                dir.resolve("scale-stack.log"));
        ServiceProcess stack = separate.process();
        ScaleBenchmark bench = new ScaleBenchmark(settings, photos, dir, separate);
        List<Phase> phases = new ArrayList<>();
        long readyMs = -1;
        try (BenchClients.Stack clients = separate.clients()) {
            separate.awaitReady(READY_TIMEOUT);
            readyMs = (System.nanoTime() - launched) / 1_000_000;
            phases.add(bench.phase("one", 1, clients));
            phases.add(bench.phase("scale", processes, clients));
        } catch (IllegalStateException | SdkException | IOException e) {
            bench.problems.add(e.getMessage());
        }
        long stackPeakMb = stack.peakRssMb();
        ServiceProcess.Shutdown stackShutdown = stack.stop(SHUTDOWN_TIMEOUT_SECONDS);
        stackShutdown.leftBehind().forEach(child -> bench.problems.add("still running after the stack exited: "
                + child));
        bench.report(phases, stackHeap, readyMs, stackPeakMb, stackShutdown);
        if (!bench.problems.isEmpty()) {
            System.err.println("Scale benchmark FAILED: " + bench.problems.size() + " problem(s); logs in " + dir
                    + "; data kept in " + dataDir);
            System.exit(1);
        }
        if (!settings.keepData()) {
            DataDirs.delete(dataDir);
        }
    }

    /** Starts {@code count} services, runs the uploads through them, audits, stops them. */
    private Phase phase(String prefix, int count, BenchClients.Stack clients)
            throws IOException, InterruptedException {
        List<Member> members = new ArrayList<>();
        Map<Member, Long> cpuAtReady = new HashMap<>();
        List<Figures> figures = new ArrayList<>();
        LoadRun.Result result = null;
        long stackCpu = 0;
        long stackChildrenCpu = 0;
        try {
            for (int i = 1; i <= count; i++) {
                members.add(start(prefix + "-service-" + i));
            }
            for (Member member : members) {
                member.management().awaitReady(member.process(), READY_TIMEOUT);
            }
            members.forEach(member -> cpuAtReady.put(member, member.process().cpuMillis()));
            stackCpu = stack.cpuMillis();
            stackChildrenCpu = stack.childrenCpuMillis();
            List<ServiceProcess> watched = new ArrayList<>(members.stream().map(Member::process).toList());
            watched.add(stack);
            result = new LoadRun(settings, clients, watched).run(prefix, photos, () -> logs(members));
            stackCpu = stack.cpuMillis() - stackCpu;
            stackChildrenCpu = stack.childrenCpuMillis() - stackChildrenCpu;
            problems.addAll(result.problems());
        } finally {
            for (Member member : members) {
                Map<String, Double> counters = Map.of();
                try {
                    counters = member.management().imageCounters();
                } catch (IOException e) {
                    problems.add(member.name() + ": no metrics: " + e.getMessage());
                }
                long cpu = member.process().cpuMillis() - cpuAtReady.getOrDefault(member, 0L);
                long peak = member.process().peakRssMb();
                ServiceProcess.Shutdown shutdown = member.process().stop(SHUTDOWN_TIMEOUT_SECONDS);
                if (!shutdown.exitedInTime()) {
                    problems.add(member.name() + " did not exit within " + SHUTDOWN_TIMEOUT_SECONDS + " s of SIGTERM");
                }
                figures.add(new Figures(member.name(), counters, cpu, peak,
                        RunLog.read(member.name(), member.process().log()), shutdown));
            }
        }
        double succeeded = figures.stream().mapToDouble(f -> f.counters().getOrDefault("succeeded", 0.0)).sum();
        if (succeeded != result.sent().size()) {
            problems.add(prefix + ": imageproc_images_succeeded_total summed over the services is "
                    + num(succeeded, 0) + " for " + result.sent().size() + " uploads");
        }
        return new Phase(count, result, figures, stackCpu, stackChildrenCpu);
    }

    /** A service in aws mode, configured through its environment as one would point it at AWS. */
    private Member start(String name) throws IOException {
        SeparateStack.Service service = separate.startService(settings.jar(), settings.heap(), settings.jvmOptions(),
                dir.resolve(name + ".log"));
        return new Member(name, service.process(), service.management());
    }

    private static List<RunLog> logs(List<Member> members) throws IOException {
        List<RunLog> logs = new ArrayList<>();
        for (Member member : members) {
            logs.add(RunLog.read(member.name(), member.process().log()));
        }
        return logs;
    }

    private void report(List<Phase> phases, String stackHeap, long readyMs, long stackPeakMb,
            ServiceProcess.Shutdown stackShutdown) throws IOException {
        Report report = new Report(String.format("Scale: %,d uploads through one service, then through %s",
                settings.count(), phases.size() > 1 ? phases.get(1).services() + " services" : "more"))
                .line("- stack: `java -Xmx" + stackHeap + " … " + StandaloneStack.class.getSimpleName()
                        + "` (S3, SQS, DynamoDB" + (settings.labels() ? ", Rekognition by the local detector" : "")
                        + "), ready " + readyMs + " ms after launch; peak RSS " + stackPeakMb + " MB; stopped: "
                        + stackShutdown.describe())
                .line("- services: `IMAGEPROC_MODE=aws java -Xmx" + settings.heap() + " -jar " + settings.jar()
                        + "`, each with IMAGEPROC_AWS_{S3,SQS,DYNAMODB" + (settings.labels() ? ",REKOGNITION" : "")
                        + "}_ENDPOINT and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY=test in its environment; labels "
                        + (settings.labels() ? "on" : "off") + ", defaults otherwise (2 consumers each)")
                .line("- uploads, in each phase: " + photos.describe(settings.count()) + ", the same photos in the"
                        + " same order under other keys; at most " + settings.window() + " not final at a time;"
                        + " the first " + settings.warmup() + " are the warm-up")
                .line("- latency: upload start to the item's finishedAt; img/s: uploads after the warm-up / (their"
                        + " first upload start to last finishedAt)");
        MarkdownTable throughput = Throughput.table("after the warm-up");
        List<Double> rates = new ArrayList<>();
        for (Phase phase : phases) {
            List<Outcome> measured = phase.result().measured();
            Throughput.row(throughput, phase.services() + (phase.services() == 1 ? " service" : " services"),
                    measured);
            rates.add(measured.isEmpty() ? Double.NaN : Throughput.of(measured).perSecond());
        }
        report.table(throughput);
        if (rates.size() == 2) {
            report.line("- **" + phases.get(1).services() + " services / 1 service: "
                    + num(rates.get(1) / rates.get(0), 2) + "× the throughput**; per 1,000 uploads "
                    + num(1000 / rates.get(0) / 60, 1) + " min with one service, " + num(1000 / rates.get(1) / 60, 1)
                    + " min with " + phases.get(1).services());
        }
        MarkdownTable cpu = new MarkdownTable("CPU ms per upload (user + system, during the run)", "services",
                "stack JVM (S3, SQS" + (settings.labels() ? ", Rekognition" : "") + ")", "stack's DynamoDB (node)",
                "all");
        for (Phase phase : phases) {
            long[] perUpload = phase.cpuPerUpload();
            cpu.row(phase.services() + (phase.services() == 1 ? " service" : " services"), perUpload[0],
                    perUpload[1], perUpload[2], perUpload[0] + perUpload[1] + perUpload[2]);
        }
        report.table(cpu);
        MarkdownTable shares = new MarkdownTable("process", "finished (log)", "share", "imageproc_images_* at the end",
                "runs started", "CPU s", "ERROR / OutOfMemoryError lines", "peak RSS MB", "shutdown");
        for (Phase phase : phases) {
            int total = phase.result().finishedBy().values().stream().mapToInt(Integer::intValue).sum();
            for (Figures f : phase.figures()) {
                int finished = phase.result().finishedBy().getOrDefault(f.name(), 0);
                shares.row(f.name(), finished, total == 0 ? "" : num(100.0 * finished / total, 1) + " %",
                        f.counters().toString(), f.log().started().size(), num(f.cpuMs() / 1000.0, 1),
                        f.log().errorLines() + " / " + f.log().outOfMemoryLines(), f.peakRssMb(),
                        f.shutdown().describe());
            }
        }
        report.table(shares);
        for (Phase phase : phases) {
            report.line("Checks with " + phase.services() + (phase.services() == 1 ? " service:" : " services:"))
                    .table(phase.result().checks());
        }
        problems.forEach(problem -> report.line("- **problem:** " + problem));
        report.save(settings.out());
    }
}
