package org.imageproc.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running stack per data directory: an OS lock on {@code <data-dir>/.lock}, which records the holder's pid, held
 * for the stack's life and released on close, or by the OS when the process dies, kill -9 included.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE = ".lock";

    // closing any other channel on a locked file drops this JVM's lock on it (POSIX), so a second try never opens one
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the directory, creating it if need be, or fails at once saying who uses it. */
    static DataDirLock acquire(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir).toRealPath();
        long self = ProcessHandle.current().pid();
        if (!HELD.add(dir)) {
            throw inUse(dir, "another local stack in this process (pid " + self + ")");
        }
        try {
            FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                try (channel) {
                    throw inUse(dir, "another running imageproc"
                            + recordedPid(channel).map(pid -> " (pid " + pid + ")").orElse(""));
                }
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataDirLock(dir, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(dir);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(dir);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Optional<String> recordedPid(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(32);
        channel.read(content, 0);
        String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("\\d+") ? Optional.of(pid) : Optional.empty();
    }

    private static IllegalStateException inUse(Path dir, String holder) {
        return new IllegalStateException("The data directory " + dir + " is in use by " + holder + ". Stop that "
                + "one, or give this one another data directory (imageproc.data-dir, or IMAGEPROC_DATA_DIR)");
    }
}
