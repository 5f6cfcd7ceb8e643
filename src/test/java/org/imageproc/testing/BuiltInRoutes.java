package org.imageproc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The built-in YAML routes as an operator copies them, with some of their settings changed. */
public final class BuiltInRoutes {

    private BuiltInRoutes() {
    }

    /**
     * The built-in routes/process-image.yaml with each {@code "{{property}}"} named in {@code values} replaced by its
     * value, as an operator edits a copy.
     *
     * @throws IllegalStateException when the flow does not reference one of the properties (the test must be updated)
     */
    public static String processImageWith(Map<String, String> values) {
        return edited(read("routes/process-image.yaml"), values);
    }

    /**
     * A copy of process-image.yaml (the built-in one or another) with each {@code "{{property}}"} named in
     * {@code values} replaced by its value.
     *
     * @throws IllegalStateException when the flow does not reference one of the properties (the test must be updated)
     */
    public static String edited(String flow, Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            String reference = "\"{{" + value.getKey() + "}}\"";
            if (!flow.contains(reference)) {
                throw new IllegalStateException("process-image.yaml no longer references " + reference);
            }
            flow = flow.replace(reference, "\"" + value.getValue() + "\"");
        }
        return flow;
    }

    private static String read(String resource) {
        try (InputStream in = BuiltInRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
