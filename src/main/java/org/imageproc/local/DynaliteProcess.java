package org.imageproc.local;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of dynalite's launcher under Node.js: started, its output appended to the log file, and handed over once
 * it says that it listens. The launcher exits when its stdin closes, which the JVM does only on {@link #stop} or by
 * dying.
 */
final class DynaliteProcess {

    private static final Logger LOG = LoggerFactory.getLogger(DynaliteProcess.class);
    private static final String LISTENING = "Dynalite listening at:";
    private static final int OUTPUT_KEPT = 20;

    private DynaliteProcess() {
    }

    /**
     * Starts the command and waits until it listens: its own word, read from its output, and not a connection to the
     * port, which could reach another process's server.
     */
    static Process launch(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread output = new Thread(() -> copyOutput(process, log, listening), "dynalite-output-" + process.pid());
        output.setDaemon(true);
        output.start();
        try {
            listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return process;
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not say it listens within " + timeout.toSeconds()
                    + " s; its output is in " + log);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Closes its stdin, which the launcher takes as the order to close its tables and exit; kills it if it hangs. */
    static void stop(Process process, Duration timeout) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the pipe is closed, so the launcher is exiting anyway
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("dynalite (pid {}) did not stop within {} s of its stdin closing; killing it", process.pid(),
                    timeout.toSeconds());
            process.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<Void> listening) {
        Deque<String> last = new ArrayDeque<>();
        try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.write(line);
                out.newLine();
                out.flush();
                if (line.startsWith(LISTENING)) {
                    listening.complete(null);
                }
                last.addLast(line);
                if (last.size() > OUTPUT_KEPT) {
                    last.removeFirst();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("dynalite's output stopped", e);
        }
        if (!listening.isDone()) {
            listening.completeExceptionally(new IllegalStateException("dynalite exited with code " + exitCode(process)
                    + " before it listened; its output (" + log + "):\n" + String.join("\n", last)));
        }
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }
}
