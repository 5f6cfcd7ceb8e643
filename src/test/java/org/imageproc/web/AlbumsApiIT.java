package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.imageproc.TestService;
import org.junit.jupiter.api.Test;

/** {@code /api/albums} over HTTP against the running service: listing, creating, and every refusal. */
class AlbumsApiIT {

    private final Api api = new Api(TestService.get().web());
    private final String user = "u" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aNewUserHasNoAlbums() {
        Api.Reply reply = api.get("api/albums", user);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().path("items").isArray()).isTrue();
        assertThat(reply.json().path("items")).isEmpty();
        assertThat(reply.json().has("nextCursor")).isTrue();
        assertThat(reply.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void createdAlbumsAreListedNewestFirstAndOnlyForTheirOwner() {
        Api.Reply created = api.createAlbum(user, "Holiday-2024");
        api.createAlbum(user, "later.one");
        api.createAlbum("other-" + user, "Holiday-2024");

        assertThat(created.status()).isEqualTo(201);
        JsonNode album = created.json();
        assertThat(album.path("albumID").asText()).isEqualTo(user + "/Holiday-2024");
        assertThat(album.path("userID").asText()).isEqualTo(user);
        assertThat(album.path("name").asText()).isEqualTo("Holiday-2024");
        assertThat(album.path("creationTime").asLong()).isPositive();

        JsonNode list = api.get("api/albums", user).json().path("items");
        assertThat(list).extracting(a -> a.path("name").asText()).containsExactly("later.one", "Holiday-2024");
        assertThat(list).extracting(a -> a.path("userID").asText()).containsOnly(user);
    }

    @Test
    void albumsComeAPageAtATimeWithACursorToTheNext() {
        List<String> names = List.of("a1", "a2", "a3", "a4", "a5");
        names.forEach(name -> api.createAlbum(user, name));

        List<String> listed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("api/albums?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), user).json();
            page.path("items").forEach(album -> listed.add(album.path("name").asText()));
            sizes.add(page.path("items").size());
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(listed).containsExactly("a5", "a4", "a3", "a2", "a1");
        assertThat(api.get("api/albums", user).json().path("items")).hasSize(5);
    }

    @Test
    void aForgedOrForeignCursorOrAWrongLimitIsABadRequest() {
        String other = "other-" + user;
        List.of("x1", "x2", "x3").forEach(name -> api.createAlbum(other, name));
        api.createAlbum(user, "mine1");
        api.createAlbum(user, "mine2");
        String othersCursor = api.get("api/albums?limit=1", other).json().path("nextCursor").asText();
        String mine = api.get("api/albums?limit=1", user).json().path("nextCursor").asText();
        String tampered = mine.substring(0, mine.length() - 2) + (mine.endsWith("A") ? "BB" : "AA");

        for (String cursor : List.of(othersCursor, tampered, "not-a-cursor", "AAAA", Api.encode("{}"))) {
            Api.Reply reply = api.get("api/albums?limit=1&cursor=" + cursor, user);
            assertThat(reply.status()).as(cursor).isEqualTo(400);
            assertThat(reply.json().path("message").asText()).as(cursor)
                    .isEqualTo("This page link (cursor) does not belong to this list; load the list again from its"
                            + " first page");
        }
        for (String limit : List.of("0", "101", "ten", "-1")) {
            Api.Reply reply = api.get("api/albums?limit=" + limit, user);
            assertThat(reply.status()).as(limit).isEqualTo(400);
            assertThat(reply.json().path("message").asText()).startsWith("limit is how many items a page holds");
        }
        assertThat(api.get("api/albums?limit=1&cursor=" + mine, user).json().path("items"))
                .extracting(album -> album.path("name").asText()).containsExactly("mine1");
    }

    @Test
    void aDuplicateNameIsAConflictWithAClearMessage() {
        api.createAlbum(user, "twice");

        Api.Reply again = api.createAlbum(user, "twice");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").asText()).isEqualTo("Conflict");
        assertThat(again.json().path("message").asText()).isEqualTo("An album named 'twice' already exists");
        assertThat(api.get("api/albums", user).json().path("items")).hasSize(1);
    }

    @Test
    void aNameDifferingOnlyInCaseIsAConflictEvenWhenTheyRace() throws Exception {
        api.createAlbum(user, "Summer");

        Api.Reply lower = api.createAlbum(user, "summer");

        assertThat(lower.status()).isEqualTo(409);
        assertThat(lower.json().path("message").asText()).isEqualTo("An album named 'Summer' already exists");
        List<Callable<Integer>> racers = List.of("Winter", "winter", "WINTER", "WiNtEr").stream()
                .map(name -> (Callable<Integer>) () -> api.createAlbum(user, name).status()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(racers)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(api.get("api/albums", user).json().path("items"))
                .extracting(a -> a.path("name").asText().toLowerCase())
                .containsExactlyInAnyOrder("summer", "winter");
    }

    @Test
    void aMissingOrInvalidUserIsABadRequest() {
        Api.Reply missing = api.get("api/albums", null);
        Api.Reply invalid = api.get("api/albums", "Bad User!");
        Api.Reply invalidCreate = api.createAlbum("../etc", "x");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("message").asText()).contains("X-Demo-User");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("message").asText()).startsWith("A user name is 2-32");
        assertThat(invalidCreate.status()).isEqualTo(400);
    }

    @Test
    void anInvalidAlbumNameOrBodyIsABadRequest() {
        Api.Reply slash = api.createAlbum(user, "a/b");
        Api.Reply empty = api.createAlbum(user, "");
        Api.Reply html = api.createAlbum(user, "<script>");
        Api.Reply notJson = api.post("api/albums", user, "{not json");
        Api.Reply noName = api.post("api/albums", user, "{}");

        assertThat(slash.status()).isEqualTo(400);
        assertThat(slash.json().path("message").asText()).startsWith("An album name is 1-64");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(html.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("error").asText()).isEqualTo("BadRequest");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(api.get("api/albums", user).json().path("items")).isEmpty();
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        Api.Reply reply = api.get("api/openapi.json", null);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode paths = reply.json().path("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/albums", "/albums/{owner}/{name}/photos",
                "/albums/{owner}/{name}/uploads", "/photos/{id}", "/photos/{id}/retry", "/failures/redrive", "/failures",
                "/failures/retry", "/search", "/labels");
        assertThat(paths.path("/albums").path("post").path("operationId").asText()).isEqualTo("create-album");
        JsonNode upload = paths.path("/albums/{owner}/{name}/uploads").path("post");
        assertThat(upload.path("summary").asText()).startsWith("A signed S3 POST form for one new JPEG or PNG photo");
        assertThat(upload.path("responses").fieldNames()).toIterable().containsExactlyInAnyOrder("201", "400", "403",
                "404", "503");
        // every operation may find an AWS service away
        assertThat(paths.path("/albums").path("get").path("responses").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("200", "400", "503");
        assertThat(paths.path("/search").path("get").path("parameters")).extracting(p -> p.path("name").asText())
                .contains("label", "limit", "cursor");
        assertThat(paths.path("/photos/{id}/retry").path("post").path("responses").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("202", "403", "404", "409", "503");
        assertThat(paths.path("/failures/redrive").path("post").path("operationId").asText())
                .isEqualTo("redrive-failures");
        assertThat(upload.path("responses").path("201").path("content").path("application/json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/UploadTicket");
        JsonNode schemas = reply.json().path("components").path("schemas");
        for (String page : List.of("AlbumPage", "PhotoPage", "FailurePage")) {
            assertThat(schemas.path(page).path("properties").fieldNames()).toIterable().as(page)
                    .containsExactlyInAnyOrder("items", "nextCursor");
        }
        assertThat(schemas.path("NewUpload").path("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("fileName", "contentType");
        assertThat(schemas.path("UploadTicket").path("properties").fieldNames()).toIterable()
                .containsExactly("imageID", "url", "fields", "expiresAt");
        assertThat(schemas.path("UploadTicket").path("properties").path("fields").path("additionalProperties")
                .path("type").asText()).isEqualTo("string");
    }
}
