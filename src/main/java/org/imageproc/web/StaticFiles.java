package org.imageproc.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Header;

/**
 * The web app's files, from {@code web/} on the classpath (inside the jar), never from the working directory:
 * {@code /} is {@code index.html}, {@code /assets/...} the rest.
 */
public class StaticFiles {

    private static final Pattern SAFE_PATH = Pattern.compile("/|/assets(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    public StaticFile read(@Header("CamelHttpPath") String path) {
        if (path == null || path.contains("..") || !SAFE_PATH.matcher(path).matches()) {
            throw ApiException.notFound("No such page");
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null || type == null) {
                throw ApiException.notFound("No such page");
            }
            return new StaticFile(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
