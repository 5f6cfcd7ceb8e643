package org.imageproc.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The figures one part of bench/run.sh measured, by key, saved beside its Markdown as a {@code .properties} file, so
 * that {@link IssueTable} can put every part's figures in one table.
 */
final class Figures {

    private final Properties values = new Properties();

    /** The figures file of a part whose Markdown goes to {@code markdown}: compute.md, compute.properties. */
    static Path beside(Path markdown) {
        String name = markdown.getFileName().toString();
        return markdown.resolveSibling(name.replaceFirst("\\.md$", "") + ".properties");
    }

    Figures put(String key, double value) {
        values.setProperty(key, String.format(Locale.ROOT, "%.3f", value));
        return this;
    }

    Figures put(String key, String value) {
        values.setProperty(key, value);
        return this;
    }

    Optional<Double> number(String key) {
        return text(key).map(Double::parseDouble);
    }

    Optional<String> text(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            values.store(writer, "bench/run.sh figures");
        }
    }

    /** Every {@code *.properties} file of the folder, merged; none, no figures. */
    static Figures readAll(Path dir) throws IOException {
        Figures figures = new Figures();
        if (!Files.isDirectory(dir)) {
            return figures;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    figures.values.load(reader);
                }
            }
        }
        return figures;
    }
}
