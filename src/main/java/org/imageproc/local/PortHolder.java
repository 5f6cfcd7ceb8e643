package org.imageproc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port, found as {@code ss -ltnp} finds it: the listening socket's inode in
 * /proc/net/tcp(6), then the process with a file descriptor on that socket. Linux only; elsewhere, or when the process
 * belongs to another user, it stays unknown.
 */
final class PortHolder {

    private static final Path PROC = Path.of("/proc");
    private static final String LISTEN = "0A";
    private static final int COMMAND_SHOWN = 200;

    private PortHolder() {
    }

    /** "pid 1234 (node serve.js --port 8000)", or empty when it cannot be found. */
    static Optional<String> describe(int port) {
        Set<String> inodes = listeningSockets(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> processes = Files.list(PROC)) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> holdsAny(dir, inodes))
                    .map(dir -> Long.parseLong(dir.getFileName().toString()))
                    .findFirst()
                    .map(PortHolder::describeProcess);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Set<String> listeningSockets(int port) {
        String localPort = String.format(Locale.ROOT, ":%04X", port);
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(PROC.resolve(table), StandardCharsets.US_ASCII);
                // columns: sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 9 && columns[1].endsWith(localPort) && columns[3].equals(LISTEN)) {
                        inodes.add(columns[9]);
                    }
                }
            } catch (IOException noSuchTable) {
                // not Linux, or no IPv6
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> inodes) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                String target = target(descriptor);
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException notVisible) {
            // another user's process, or one that just ended
        }
        return false;
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }

    private static String describeProcess(long pid) {
        String command = ProcessHandle.of(pid)
                .flatMap(process -> process.info().commandLine().or(() -> process.info().command()))
                .map(line -> line.length() > COMMAND_SHOWN ? line.substring(0, COMMAND_SHOWN) + "..." : line)
                .orElse("command line not visible");
        return "pid " + pid + " (" + command + ")";
    }
}
