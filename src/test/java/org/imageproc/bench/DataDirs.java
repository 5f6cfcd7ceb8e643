package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The fresh data directory a benchmark's stack keeps its objects, messages and items in, removed after a clean run. */
final class DataDirs {

    private DataDirs() {
    }

    static Path fresh(Path parent, String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(parent.toAbsolutePath()), prefix);
    }

    /** Deletes the directory and everything in it: a full load run leaves gigabytes of photos. */
    static void delete(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
