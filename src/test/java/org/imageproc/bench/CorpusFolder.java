package org.imageproc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One folder of the benchmark corpus (jpeg12mp, jpeg_native, png) and its files in name order. */
record CorpusFolder(String name, List<Path> files) {

    /** Every non-empty sub-folder of the corpus, in name order. */
    static List<CorpusFolder> list(Path corpus) throws IOException {
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("No corpus at " + corpus.toAbsolutePath());
        }
        try (Stream<Path> folders = Files.list(corpus)) {
            return folders.filter(Files::isDirectory).sorted()
                    .map(folder -> new CorpusFolder(folder.getFileName().toString(), filesOf(folder)))
                    .filter(folder -> !folder.files().isEmpty())
                    .toList();
        }
    }

    private static List<Path> filesOf(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
