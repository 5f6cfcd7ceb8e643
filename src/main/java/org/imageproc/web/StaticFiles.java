package org.imageproc.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.apache.camel.util.MimeTypeHelper;

/**
 * The web app's files, from {@code web/} on the classpath (inside the jar), never from the working directory:
 * {@code /} is {@code index.html}, {@code /assets/...} the rest.
 */
public class StaticFiles {

    private static final Pattern SAFE_PATH = Pattern.compile("/|/assets(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");

    @Handler
    public StaticFile read(@Header(Exchange.HTTP_PATH) String path) {
        if (path == null || path.contains("..") || !SAFE_PATH.matcher(path).matches()) {
            throw ApiException.notFound("No such page");
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String type = contentType(name);
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null || type == null) {
                throw ApiException.notFound("No such page");
            }
            return new StaticFile(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Camel's type for the file's extension; null, and so not served, for a type Camel does not know. */
    private static String contentType(String name) {
        String type = MimeTypeHelper.probeMimeType(name);
        // the app's text files are UTF-8, which browsers would otherwise have to guess
        return type != null && type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }
}
