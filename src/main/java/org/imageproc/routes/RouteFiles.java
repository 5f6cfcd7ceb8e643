package org.imageproc.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Decides which YAML route files the service loads: every built-in file whose name is not in the operator's
 * directory, plus every {@code *.yaml} file in that directory. Loading a built-in file and its replacement together
 * would clash on route ids, so exactly one of the two is chosen.
 */
final class RouteFiles {

    static final String DIR_KEY = "imageproc.routes.dir";
    static final String RELOAD_KEY = "imageproc.routes.reload";
    private static final String EXTENSION = ".yaml";

    private RouteFiles() {
    }

    /**
     * @param builtIn   the built-in files, by file name to location
     * @param directory the operator's directory as configured; blank: the built-in files only
     * @param reload    whether the directory is watched for changes
     * @throws IllegalStateException naming the key, when the directory is missing, not a directory or unreadable, or
     *                               when reloading is asked for without a directory
     */
    static List<RouteFile> resolve(Map<String, String> builtIn, String directory, boolean reload) {
        Map<String, RouteFile> chosen = new TreeMap<>();
        builtIn.forEach((name, location) -> chosen.put(name, new RouteFile(name, location, RouteFile.Origin.BUILT_IN)));
        if (directory.isBlank()) {
            if (reload) {
                throw new IllegalStateException(RELOAD_KEY + " is true but " + DIR_KEY
                        + " (IMAGEPROC_ROUTES_DIR) is empty: name the directory whose routes should be reloaded");
            }
            return List.copyOf(chosen.values());
        }
        for (Path file : yamlFiles(Path.of(directory).toAbsolutePath().normalize())) {
            String name = file.getFileName().toString();
            RouteFile.Origin origin = builtIn.containsKey(name)
                    ? RouteFile.Origin.REPLACES_BUILT_IN : RouteFile.Origin.ADDED;
            chosen.put(name, new RouteFile(name, "file:" + file, origin));
        }
        return List.copyOf(chosen.values());
    }

    private static List<Path> yamlFiles(Path directory) {
        if (!Files.exists(directory)) {
            throw unusable(directory, "does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw unusable(directory, "is not a directory");
        }
        if (!Files.isReadable(directory)) {
            throw unusable(directory, "cannot be read");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(entry -> entry.getFileName().toString().endsWith(EXTENSION))
                    .filter(Files::isRegularFile)
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(DIR_KEY + ": cannot list " + directory, e);
        }
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw unusable(file, "cannot be read");
            }
        }
        return files;
    }

    private static IllegalStateException unusable(Path path, String problem) {
        return new IllegalStateException(DIR_KEY + " (IMAGEPROC_ROUTES_DIR): " + path + " " + problem
                + "; fix it, or leave the key empty to run the built-in routes only");
    }
}
