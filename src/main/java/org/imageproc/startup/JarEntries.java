package org.imageproc.startup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The file names in a jar, read from its central directory. Camel's scanners read a jar as a stream instead, which
 * inflates every entry of it: seconds for each scan of the shaded jar, and camel-main scans it three times at boot.
 */
final class JarEntries {

    private JarEntries() {
    }

    /**
     * The names of the jar's files (no directories), trimmed as Camel's scanners trim them; empty when {@code urlPath}
     * is no jar on disk (a jar inside a jar, a remote URL), which the scanners' own stream reading handles with the
     * stream Camel opened on the jar; otherwise that stream is closed unread.
     */
    static Optional<List<String>> files(String urlPath, InputStream opened) {
        File file = new File(urlPath);
        if (!file.isFile()) {
            return Optional.empty();
        }
        JarFile jar;
        try {
            jar = new JarFile(file, false);
        } catch (IOException notAJar) {
            return Optional.empty();
        }
        try (opened; jar) {
            return Optional.of(jar.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName)
                    .map(String::trim).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the files in " + urlPath, e);
        }
    }
}
