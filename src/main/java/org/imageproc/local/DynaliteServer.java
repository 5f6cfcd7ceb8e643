package org.imageproc.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imageproc.aws.LocalStackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite, the DynamoDB emulator bundled in the jar, run by Node.js as a child process with its tables on disk. The
 * child ends with the JVM, kill -9 included, and when it dies alone it is started again on the same port and data.
 */
final class DynaliteServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynaliteServer.class);
    private static final String NEEDS_NODE = "The local DynamoDB (dynalite) needs Node.js 20+ as 'node' on the PATH";
    static final String NAME = "the local DynamoDB";
    static final String PORT_SETTING = "imageproc.local.dynamodb-port";
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN = Duration.ofSeconds(10);
    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);
    // a run at least this long was no crash loop, so the next restart waits the first delay again
    private static final Duration STABLE_RUN = Duration.ofMinutes(1);

    private final String host;
    private final int port;
    private final List<String> command;
    private final Path log;
    private final Thread supervisor;
    private final Thread jvmStopping;
    private volatile Process process;
    private volatile boolean stopping;
    private volatile String outage;

    private DynaliteServer(String host, int port, List<String> command, Path log, Process process) {
        this.host = host;
        this.port = port;
        this.command = command;
        this.log = log;
        this.process = process;
        // the JVM's stop closes the stack in its own time; meanwhile a child that exits is not restarted
        this.jvmStopping = new Thread(() -> stopping = true, "dynalite-jvm-stopping");
        Runtime.getRuntime().addShutdownHook(jvmStopping);
        this.supervisor = new Thread(this::supervise, "dynalite-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    static DynaliteServer start(LocalStackSettings settings) throws IOException, InterruptedException {
        requireNode();
        Path runtime = settings.dataDir().resolve(".runtime");
        Path home = DynaliteBundle.unpack(runtime);
        Path data = Files.createDirectories(settings.dataDir().resolve("dynamodb")).toAbsolutePath();
        Path log = runtime.resolve("dynalite.log");
        Files.deleteIfExists(log);
        int port = Ports.resolve(settings.host(), settings.dynamoDbPort());
        List<String> command = List.of("node", home.resolve(DynaliteBundle.LAUNCHER).toString(),
                "--host", settings.host(), "--port", Integer.toString(port), "--path", data.toString());
        return new DynaliteServer(settings.host(), port, command, log, DynaliteProcess.launch(command, log, STARTUP));
    }

    int port() {
        return port;
    }

    /** The running child's process id; a restart changes it. */
    long pid() {
        return process.pid();
    }

    /** Why the server is away, from its exit until it listens again; empty while it runs. */
    Optional<String> outage() {
        return Optional.ofNullable(outage);
    }

    @Override
    public void close() throws InterruptedException {
        Process current;
        synchronized (this) {
            stopping = true;
            current = process;
        }
        supervisor.interrupt();
        DynaliteProcess.stop(current, SHUTDOWN);
        supervisor.join(SHUTDOWN.toMillis());
        try {
            Runtime.getRuntime().removeShutdownHook(jvmStopping);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }

    private void supervise() {
        int quickExits = 0;
        try {
            while (true) {
                Process current = process;
                long began = System.nanoTime();
                int code = current.waitFor();
                if (stopping) {
                    return;
                }
                if (System.nanoTime() - began >= STABLE_RUN.toNanos()) {
                    quickExits = 0;
                }
                Duration delay = restartDelay(quickExits++);
                String exit = "exited with code " + code + (code > 128 ? " (signal " + (code - 128) + ")" : "");
                outage = "The local DynamoDB (dynalite) " + exit + " and is being restarted";
                LOG.warn("The local DynamoDB (dynalite, pid {}) {}; restarting it in {} s on port {} with its data",
                        current.pid(), exit, delay.toMillis() / 1000.0, port);
                Process next = restart(delay);
                if (next == null) {
                    return;
                }
                synchronized (this) {
                    if (stopping) {
                        Thread.interrupted();
                        DynaliteProcess.stop(next, SHUTDOWN);
                        return;
                    }
                    process = next;
                    outage = null;
                }
                LOG.info("The local DynamoDB is back on port {} (pid {})", port, next.pid());
            }
        } catch (InterruptedException stopped) {
            // close() ends the supervision and stops the child itself
        }
    }

    /**
     * Starts the child again after the delay, and keeps trying, waiting longer each time, until it listens; null when
     * the JVM stops meanwhile.
     */
    private Process restart(Duration firstDelay) throws InterruptedException {
        Duration delay = firstDelay;
        while (true) {
            Thread.sleep(delay.toMillis());
            if (stopping) {
                return null;
            }
            try {
                Ports.requireFree(host, port, NAME, PORT_SETTING);
                return DynaliteProcess.launch(command, log, STARTUP);
            } catch (IOException | RuntimeException e) {
                delay = min(delay.multipliedBy(2), MAX_RESTART_DELAY);
                outage = "The local DynamoDB (dynalite) could not be restarted: " + e.getMessage();
                LOG.warn("The local DynamoDB (dynalite) did not restart: {}; trying again in {} s", e.getMessage(),
                        delay.toSeconds());
            }
        }
    }

    private static Duration restartDelay(int quickExits) {
        return min(FIRST_RESTART_DELAY.multipliedBy(1L << Math.min(quickExits, 5)), MAX_RESTART_DELAY);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void requireNode() throws InterruptedException {
        String version;
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            node.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(NEEDS_NODE + ", but there is none: " + e.getMessage(), e);
        }
        Matcher major = NODE_VERSION.matcher(version);
        if (!major.lookingAt() || Integer.parseInt(major.group(1)) < 20) {
            throw new IllegalStateException(NEEDS_NODE + ", but 'node --version' says " + version);
        }
    }
}
