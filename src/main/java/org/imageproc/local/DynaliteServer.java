package org.imageproc.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** dynalite, the DynamoDB emulator bundled in the jar, run by Node.js as a child process with its tables on disk. */
final class DynaliteServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynaliteServer.class);
    private static final String NEEDS_NODE = "The local DynamoDB (dynalite) needs Node.js 20+ as 'node' on the PATH";
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Thread reaper;

    private DynaliteServer(Process process, int port) {
        this.process = process;
        this.port = port;
        this.reaper = new Thread(this::kill, "dynalite-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    static DynaliteServer start(LocalStackSettings settings) throws IOException, InterruptedException {
        requireNode();
        Path runtime = settings.dataDir().resolve(".runtime");
        Path home = DynaliteBundle.unpack(runtime);
        Path data = Files.createDirectories(settings.dataDir().resolve("dynamodb")).toAbsolutePath();
        Path log = runtime.resolve("dynalite.log");
        int port = Ports.resolve(settings.host(), settings.dynamoDbPort());
        Process process = new ProcessBuilder(List.of("node",
                home.resolve("node_modules/dynalite/cli.js").toString(),
                "--host", settings.host(),
                "--port", Integer.toString(port),
                "--path", data.toString(),
                // tables need no CREATING phase here: nothing provisions capacity
                "--createTableMs", "0"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        DynaliteServer server = new DynaliteServer(process, port);
        if (!Ports.awaitListening(settings.host(), port, STARTUP, process::isAlive)) {
            server.close();
            throw new IllegalStateException("dynalite did not open port " + port + "; its output (" + log + "):\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return server;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        if (!process.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("dynalite (pid {}) ignored SIGTERM for {}; killing it", process.pid(), SHUTDOWN);
            process.destroyForcibly().waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
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
