package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.imageproc.memory.CollectorAdvice;

/**
 * The packaged service as users start it ({@code java -jar}), or the local stack alone, in its own JVM with its own
 * heap limit, environment and log file.
 */
final class ServiceProcess {

    /**
     * How the service stopped after SIGTERM; {@code wasRunning} is false when it had exited by itself before,
     * {@code leftBehind} are child processes still alive afterwards.
     */
    record Shutdown(boolean wasRunning, boolean exitedInTime, int exitCode, long millis, List<String> leftBehind) {

        String describe() {
            if (!wasRunning) {
                return "had already exited, exit code " + exitCode;
            }
            return exitedInTime ? millis + " ms, exit code " + exitCode : "no exit, killed";
        }
    }

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * The JVM options of a service started from {@code jar}: as the README's run command, {@link CollectorAdvice#OPTION} and the
     * class-data archive the build made beside the jar ({@code imageproc.jsa}) when it is there and {@code bench.cds}
     * is not false, then those of {@code bench.service-jvm-options} (a profiler's, a native cache of its own; a later
     * option wins, so {@code -XX:+G1UseAdaptiveIHOP} there undoes {@link CollectorAdvice#OPTION}).
     */
    static List<String> jvmOptions(Path jar) {
        List<String> options = new ArrayList<>(List.of(CollectorAdvice.OPTION));
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa");
        if (!"false".equals(System.getProperty("bench.cds")) && Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        Stream.of(System.getProperty("bench.service-jvm-options", "").split("\\s+"))
                .filter(option -> !option.isBlank()).forEach(options::add);
        return options;
    }

    /**
     * @param properties {@code -D} options, each "key=value"
     * @param jvmOptions more JVM options, such as a profiler's
     */
    static ServiceProcess start(Path jar, String heap, List<String> properties, List<String> jvmOptions, Path log)
            throws IOException {
        return start(jar, heap, properties, jvmOptions, Map.of(), log);
    }

    /** As above, with environment variables of its own over the bench's (IMAGEPROC_MODE, AWS_ACCESS_KEY_ID...). */
    static ServiceProcess start(Path jar, String heap, List<String> properties, List<String> jvmOptions,
            Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        properties.forEach(property -> command.add("-D" + property));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return launch(command, environment, log);
    }

    /** Another main class of the jar or of the bench's classes, say the local stack alone. */
    static ServiceProcess startMain(String classpath, String mainClass, String heap, List<String> args, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap, "-cp", classpath, mainClass));
        command.addAll(args);
        return launch(command, Map.of(), log);
    }

    private static ServiceProcess launch(List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        // an interrupted benchmark (Ctrl-C) must not leave the service and its local DynamoDB holding the ports
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }));
        return new ServiceProcess(process, log);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /**
     * Waits until a line of the log contains {@code text}.
     *
     * @throws IllegalStateException when the process exits first or the time runs out
     */
    void awaitLogLine(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pattern literal = Pattern.compile(Pattern.quote(text));
        while (logLines(literal).isEmpty()) {
            if (!isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("No \"" + text + "\" within " + timeout + "; see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** The lines of the service's log in which {@code pattern} is found. */
    List<String> logLines(Pattern pattern) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> pattern.matcher(line).find()).toList();
        }
    }

    /** Resident set size (VmRSS) in MB of the service's JVM now; 0 when it is gone. */
    double rssMb() {
        return ProcStatus.rssMb(process.toHandle());
    }

    /** Resident set size in MB summed over the JVM's child processes (the local DynamoDB's node) now. */
    double childrenRssMb() {
        return process.descendants().mapToDouble(ProcStatus::rssMb).sum();
    }

    /** Peak resident set size (VmHWM) in MB of the service's JVM; 0 when it is gone. */
    long peakRssMb() {
        return ProcStatus.peakRssMb(process.toHandle());
    }

    /** Peak resident set size in MB summed over the JVM's child processes (the local DynamoDB's node). */
    long childrenPeakRssMb() {
        return process.descendants().mapToLong(ProcStatus::peakRssMb).sum();
    }

    /** CPU time (user and system) the JVM has used so far, in ms. */
    long cpuMillis() {
        return cpuMillis(process.toHandle());
    }

    /** CPU time its child processes (the local DynamoDB's node) have used so far, in ms. */
    long childrenCpuMillis() {
        return process.descendants().mapToLong(ServiceProcess::cpuMillis).sum();
    }

    private static long cpuMillis(ProcessHandle handle) {
        return handle.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    /** Sends SIGTERM and waits for the JVM and its children to exit; kills whatever is left after the timeout. */
    Shutdown stop(long timeoutSeconds) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        boolean wasRunning = process.isAlive();
        long start = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        List<String> leftBehind = new ArrayList<>();
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).join();
            if (child.isAlive()) {
                leftBehind.add(child.pid() + " " + child.info().commandLine().orElse("?"));
                child.destroyForcibly();
            }
        }
        return new Shutdown(wasRunning, exited, exited ? process.exitValue() : -1, millis, leftBehind);
    }
}
