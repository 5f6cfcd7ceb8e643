package org.imageproc.local;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stack running in a JVM of its own, started from this test JVM's classpath, so that a test can kill that
 * process as an operator would; closing it kills whatever is left of it.
 */
final class StackInChildJvm implements AutoCloseable {

    private static final String READY = "stack ready, dynalite pid ";

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private StackInChildJvm(Process process) {
        this.process = process;
    }

    /** Starts the stack on the data directory, with DynamoDB on the given port, and waits until it is ready. */
    static StackInChildJvm start(Path dataDir, int dynamoDbPort) throws IOException {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), StackInChildJvm.class.getName(),
                dataDir.toAbsolutePath().toString(), Integer.toString(dynamoDbPort))
                .redirectErrorStream(true).start();
        StackInChildJvm child = new StackInChildJvm(process);
        Thread reader = new Thread(child::collectOutput, "child-stack-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> child.dynaliteLine() != null || !process.isAlive());
        if (child.dynaliteLine() == null) {
            child.close();
            throw new IllegalStateException("The stack in the child JVM did not start:\n" + String.join("\n",
                    child.output));
        }
        return child;
    }

    /** Runs in the child JVM: the stack, until the process is killed. */
    public static void main(String[] args) throws InterruptedException {
        LocalAwsStack stack = StackClients.start(StackClients.onPorts(Path.of(args[0]), 0, 0,
                Integer.parseInt(args[1])));
        System.out.println(READY + stack.dynamoDbPid());
        Thread.currentThread().join();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The dynalite process as the child reported it. */
    long dynamoDbPid() {
        return Long.parseLong(dynaliteLine().substring(READY.length()).trim());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private String dynaliteLine() {
        return output.stream().filter(line -> line.startsWith(READY)).findFirst().orElse(null);
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(output::add);
        } catch (IOException | UncheckedIOException e) {
            // the stream closes when the process is killed; nothing more to read
        }
    }
}
