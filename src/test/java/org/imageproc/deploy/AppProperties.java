package org.imageproc.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The service's application.properties, and which key an IMAGEPROC_* environment variable overrides. */
final class AppProperties {

    private static final Properties PROPERTIES = load(Path.of("src/main/resources/application.properties"));

    private AppProperties() {
    }

    static String value(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("application.properties has no " + key);
        }
        return value.trim();
    }

    static int number(String key) {
        return Integer.parseInt(value(key));
    }

    /** The key the variable overrides (upper case, dots and dashes as underscores), empty when there is none. */
    static Optional<String> keyOf(String environmentVariable) {
        return PROPERTIES.stringPropertyNames().stream()
                .filter(key -> key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT)
                        .equals(environmentVariable))
                .findFirst();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
