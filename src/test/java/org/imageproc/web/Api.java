package org.imageproc.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.imageproc.testing.MultipartForm;

/** Calls the running service's web API over HTTP as a demo user, the way the browser does. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    /** A response: status, headers and the body as JSON (missing node when it is not JSON). */
    public record Reply(int status, String contentType, String text, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + text, e);
            }
        }
    }

    public Reply get(String path, String user) {
        return send(request(path, user).GET());
    }

    public Reply post(String path, String user, Object body) {
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            return send(request(path, user).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    public Reply createAlbum(String user, String name) {
        return post("api/albums", user, Map.of("name", name));
    }

    /** Uploads a JPEG into the user's album ({@code owner/name} of theirs) through a ticket, as the app does; its id. */
    public String uploadJpeg(String user, String album, String fileName, byte[] jpeg) {
        Reply ticket = post("api/albums/" + user + "/" + album + "/uploads", user,
                Map.of("fileName", fileName, "contentType", "image/jpeg"));
        if (ticket.status() != 201 || upload(ticket.json(), jpeg).status() != 204) {
            throw new IllegalStateException("Upload of " + fileName + " refused: " + ticket.text());
        }
        return ticket.json().path("imageID").asText();
    }

    /** Every item of a paginated list, following nextCursor with pages of {@code limit}. */
    public List<JsonNode> all(String path, String user, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = get(path + (path.contains("?") ? "&" : "?") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor), user);
            if (page.status() != 200) {
                throw new IllegalStateException(path + " answered " + page.status() + ": " + page.text());
            }
            page.json().path("items").forEach(items::add);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    /** Waits until the photo's run is SUCCEEDED or FAILED, asking the API as the app does, and returns the photo. */
    public JsonNode awaitFinal(String imageId, String user, Duration atMost) {
        Awaitility.await().atMost(atMost).until(() -> {
            String status = get("api/photos/" + imageId, user).json().path("item").path("status").asText();
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        });
        return get("api/photos/" + imageId, user).json();
    }

    /** POSTs the bytes as the browser does: the ticket's form fields in their order, then the file; S3's answer. */
    public static Reply upload(JsonNode ticket, byte[] bytes) {
        return upload(ticket, bytes, Map.of());
    }

    /**
     * Like {@link #upload(JsonNode, byte[])} with {@code overrides} replacing the values of some fields; an override
     * naming a field the ticket does not have is sent after the ticket's fields.
     */
    public static Reply upload(JsonNode ticket, byte[] bytes, Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        ticket.path("fields").fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
        fields.putAll(overrides);
        return send(HttpRequest.newBuilder(URI.create(ticket.path("url").asText())),
                MultipartForm.of(fields, bytes));
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
        return user == null ? builder : builder.header(WebApi.USER_HEADER, user);
    }

    private static Reply send(HttpRequest.Builder request, MultipartForm form) {
        return send(request.header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
