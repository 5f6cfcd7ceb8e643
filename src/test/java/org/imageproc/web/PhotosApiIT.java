package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.imageproc.TestService;
import org.imageproc.testing.ExifBuilder;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The photo endpoints over HTTP against the running service: an upload through its signed POST form goes through the
 * pipeline and shows in the gallery; other users, unknown and invalid ids, and files other than JPEG and PNG are
 * refused.
 */
class PhotosApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Api api = new Api(TestService.get().web());
    private final String user = "u" + UUID.randomUUID().toString().substring(0, 8);
    private final String stranger = "s" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createAlbum() {
        assertThat(api.createAlbum(user, "trip").status()).isEqualTo(201);
    }

    @Test
    void anUploadThroughItsTicketIsProcessedAndShownInTheGallery() throws Exception {
        byte[] jpeg = new ExifBuilder().make("HTC").model("Desire").dateTimeOriginal("2011:05:01 10:20:30")
                .gps(45.5006667, 9.1103333).writeInto(TestImages.jpeg(TestImages.gradient(640, 480)));

        Instant asked = Instant.now();
        JsonNode ticket = ticket("IMG_0001.JPG", "image/jpeg");
        String id = ticket.path("imageID").asText();
        assertThat(id).matches("[0-9a-f-]{36}\\.jpg");
        assertThat(ticket.path("url").asText()).matches("http://127\\.0\\.0\\.1:\\d+/photo-repo/");
        JsonNode fields = ticket.path("fields");
        assertThat(fields.fieldNames()).toIterable().containsExactly("key", "Content-Type", "x-amz-meta-userid",
                "x-amz-meta-albumid", "x-amz-meta-filename", "success_action_status", "x-amz-algorithm", "x-amz-credential", "x-amz-date",
                "policy", "x-amz-signature");
        assertThat(fields.path("key").asText()).isEqualTo("Incoming/" + id);
        assertThat(fields.path("Content-Type").asText()).isEqualTo("image/jpeg");
        assertThat(fields.path("x-amz-meta-userid").asText()).isEqualTo(user);
        assertThat(fields.path("x-amz-meta-albumid").asText()).isEqualTo(user + "/trip");
        assertThat(fields.path("x-amz-meta-filename").asText()).isEqualTo("IMG_0001.JPG");
        assertThat(Instant.parse(ticket.path("expiresAt").asText()))
                .isBetween(asked.plusSeconds(299), Instant.now().plusSeconds(300));
        assertThat(upload(ticket, jpeg).status()).isEqualTo(204);

        JsonNode photo = awaitFinal(id);
        JsonNode item = photo.path("item");
        assertThat(item.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(item.path("albumID").asText()).isEqualTo(user + "/trip");
        assertThat(item.path("userID").asText()).isEqualTo(user);
        assertThat(item.path("fileName").asText()).isEqualTo("IMG_0001.JPG");
        assertThat(item.path("exifMake").asText()).isEqualTo("HTC");
        assertThat(item.path("geo").path("latitude").asDouble()).isCloseTo(45.5006667, within(1e-6));
        assertThat(item.path("tags")).extracting(JsonNode::asText).containsExactly("Dog", "Animal");
        assertThat(item.path("steps").path("make-thumbnail").path("status").asText()).isEqualTo("SUCCEEDED");

        HttpResponse<byte[]> original = fetch(photo.path("imageUrl").asText());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(jpeg);
        HttpResponse<byte[]> thumbnail = fetch(photo.path("thumbnailUrl").asText());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(TestImages.decode(thumbnail.body()).getWidth()).isEqualTo(250);
        assertThat(thumbnail.headers().firstValue("Cache-Control")).hasValue("private, max-age=600");
        HttpResponse<byte[]> download = fetch(photo.path("downloadUrl").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"IMG_0001.JPG\"; filename*=UTF-8''IMG_0001.JPG");
        assertThat(download.body()).isEqualTo(jpeg);

        JsonNode gallery = api.get("api/albums/" + user + "/trip/photos", user).json().path("items");
        assertThat(gallery).extracting(p -> p.path("imageID").asText()).containsExactly(id);
        assertThat(gallery.get(0).path("thumbnailUrl").asText()).contains("/photo-repo/Thumbnails/" + id + "?");
        // signed as of the start of its window: the browser may cache it
        assertThat(api.get("api/albums/" + user + "/trip/photos", user).json().path("items").get(0)
                .path("thumbnailUrl").asText())
                .isEqualTo(gallery.get(0).path("thumbnailUrl").asText());

        JsonNode summary = api.get("api/albums/" + user + "/trip/summary", user).json();
        assertThat(summary.path("done").asInt()).isEqualTo(1);
        assertThat(summary.path("coverUrl").asText()).isEqualTo(gallery.get(0).path("thumbnailUrl").asText());
        assertThat(summary.path("photos").get(0).path("fileName").asText()).isEqualTo("IMG_0001.JPG");
        assertThat(summary.path("photos").get(0).path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anUploadWaitingForProcessingShowsAsUploaded() throws Exception {
        JsonNode ticket = ticket("waiting.jpg", "image/jpeg");
        String id = ticket.path("imageID").asText();
        TestService.get().context().getRouteController().stopRoute("consume-image-events");
        try {
            assertThat(upload(ticket, TestImages.jpeg(64, 48)).status()).isEqualTo(204);

            JsonNode photo = api.get("api/photos/" + id, user).json();

            assertThat(photo.path("imageID").asText()).isEqualTo(id);
            assertThat(photo.path("item").path("status").asText()).isEqualTo("UPLOADED");
            assertThat(api.get("api/photos/" + id, stranger).status()).isEqualTo(403);
        } finally {
            TestService.get().context().getRouteController().startRoute("consume-image-events");
        }
        assertThat(awaitFinal(id).path("item").path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aGifPassedOffAsPngFailsWithItsReasonAndHasNoThumbnail() throws Exception {
        JsonNode ticket = ticket("anim.png", "image/png");
        assertThat(upload(ticket, TestImages.gif(TestImages.gradient(60, 40))).status()).isEqualTo(204);

        JsonNode photo = awaitFinal(ticket.path("imageID").asText());

        assertThat(photo.path("item").path("status").asText()).isEqualTo("FAILED");
        assertThat(photo.path("item").path("cause").asText()).isEqualTo("GIF images are not supported; upload JPEG or PNG");
        assertThat(photo.path("item").path("failedStep").asText()).isEqualTo("check-image");
        assertThat(photo.path("thumbnailUrl").isNull()).isTrue();
    }

    @Test
    void onlyJpegAndPngGetATicket() {
        Api.Reply gif = requestTicket(Map.of("fileName", "anim.gif", "contentType", "image/gif"));
        Api.Reply none = requestTicket(Map.of("fileName", "photo.jpg"));
        Api.Reply empty = requestTicket(Map.of("fileName", "photo", "contentType", ""));
        Api.Reply odd = requestTicket(Map.of("fileName", "x.jpg", "contentType", "<b>image/jpeg</b>"));
        Api.Reply noBody = api.post("api/albums/" + user + "/trip/uploads", user, "");

        assertThat(gif.status()).isEqualTo(400);
        assertThat(gif.json().path("error").asText()).isEqualTo("BadRequest");
        assertThat(gif.json().path("message").asText())
                .isEqualTo("Only JPEG and PNG photos can be uploaded (this file is image/gif)");
        for (Api.Reply unknown : List.of(none, empty, odd)) {
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().path("message").asText())
                    .isEqualTo("Only JPEG and PNG photos can be uploaded (this file's type is unknown)");
        }
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(api.get("api/albums/" + user + "/trip/photos", user).json().path("items")).isEmpty();
    }

    @Test
    void theTypeIsTakenInAnyCaseAndSignedInLowerCase() {
        JsonNode ticket = ticket("SHOT.PNG", "Image/PNG");

        assertThat(ticket.path("fields").path("Content-Type").asText()).isEqualTo("image/png");
    }

    @Test
    void anotherUserCannotSeeUploadToOrReadFromTheAlbum() throws Exception {
        JsonNode ticket = ticket("mine.jpg", "image/jpeg");
        assertThat(upload(ticket, TestImages.jpeg(100, 80)).status()).isEqualTo(204);
        String id = ticket.path("imageID").asText();
        awaitFinal(id);

        Api.Reply gallery = api.get("api/albums/" + user + "/trip/photos", stranger);
        Api.Reply upload = api.post("api/albums/" + user + "/trip/uploads", stranger,
                Map.of("fileName", "x.jpg", "contentType", "image/jpeg"));
        Api.Reply photo = api.get("api/photos/" + id, stranger);

        assertThat(gallery.status()).isEqualTo(403);
        assertThat(gallery.json().path("message").asText()).isEqualTo("This album belongs to someone else");
        assertThat(upload.status()).isEqualTo(403);
        assertThat(photo.status()).isEqualTo(403);
        assertThat(photo.json().path("message").asText()).isEqualTo("This photo belongs to someone else");
        assertThat(api.get("api/albums", stranger).json().path("items")).isEmpty();
    }

    @Test
    void theGalleryComesAPageAtATimeAndACursorServesOnlyItsAlbum() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode ticket = ticket("p" + i + ".jpg", "image/jpeg");
            assertThat(upload(ticket, TestImages.jpeg(60 + i, 40)).status()).isEqualTo(204);
            ids.add(ticket.path("imageID").asText());
        }
        ids.forEach(this::awaitFinal);
        assertThat(api.createAlbum(user, "other").status()).isEqualTo(201);

        List<String> listed = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        String cursor = null;
        String firstCursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("api/albums/" + user + "/trip/photos?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), user).json();
            page.path("items").forEach(photo -> {
                listed.add(photo.path("imageID").asText());
                times.add(photo.path("item").path("uploadTime").asLong());
            });
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            firstCursor = firstCursor == null ? cursor : firstCursor;
            pages++;
        } while (cursor != null);
        Api.Reply otherAlbum = api.get("api/albums/" + user + "/other/photos?cursor=" + firstCursor, user);
        Api.Reply stranger = api.get("api/albums/" + user + "/trip/photos?cursor=" + firstCursor, this.stranger);

        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(otherAlbum.status()).isEqualTo(400);
        assertThat(otherAlbum.json().path("message").asText()).contains("does not belong to this list");
        assertThat(stranger.status()).isEqualTo(403);
    }

    @Test
    void unknownAlbumsAndPhotosAreNotFound() {
        Api.Reply album = api.get("api/albums/" + user + "/nope/photos", user);
        Api.Reply upload = api.post("api/albums/" + user + "/nope/uploads", user,
                Map.of("fileName", "x.jpg", "contentType", "image/jpeg"));
        Api.Reply photo = api.get("api/photos/" + UUID.randomUUID() + ".jpg", user);

        assertThat(album.status()).isEqualTo(404);
        assertThat(album.json().path("message").asText()).isEqualTo("No album named 'nope'");
        assertThat(upload.status()).isEqualTo(404);
        assertThat(photo.status()).isEqualTo(404);
        assertThat(photo.json().path("error").asText()).isEqualTo("NotFound");
    }

    @Test
    void invalidIdsAreBadRequests() {
        Api.Reply photo = api.get("api/photos/" + Api.encode("../Thumbnails/x.jpg"), user);
        Api.Reply notUuid = api.get("api/photos/photo.jpg", user);
        Api.Reply albumName = api.get("api/albums/" + user + "/" + Api.encode("<b>x</b>") + "/photos", user);
        Api.Reply owner = api.get("api/albums/" + Api.encode("Not Valid") + "/trip/photos", user);
        Api.Reply noUser = api.post("api/albums/" + user + "/trip/uploads", null,
                Map.of("fileName", "x.jpg", "contentType", "image/jpeg"));

        assertThat(photo.status()).isEqualTo(400);
        assertThat(photo.json().path("message").asText()).isEqualTo("Not an image id of this app");
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(albumName.status()).isEqualTo(400);
        assertThat(owner.status()).isEqualTo(400);
        assertThat(noUser.status()).isEqualTo(400);
    }

    @Test
    void anUnsafeExtensionIsDroppedFromTheNewId() {
        JsonNode odd = ticket("evil.j/../pg", "image/jpeg");
        JsonNode none = ticket("README", "image/png");

        assertThat(odd.path("imageID").asText()).matches("[0-9a-f-]{36}");
        assertThat(none.path("imageID").asText()).matches("[0-9a-f-]{36}");
    }

    private JsonNode ticket(String fileName, String contentType) {
        Api.Reply reply = requestTicket(Map.of("fileName", fileName, "contentType", contentType));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    private Api.Reply requestTicket(Map<String, String> body) {
        return api.post("api/albums/" + user + "/trip/uploads", user, body);
    }

    private JsonNode awaitFinal(String id) {
        return api.awaitFinal(id, user, WAIT);
    }

    private static Api.Reply upload(JsonNode ticket, byte[] bytes) {
        return Api.upload(ticket, bytes);
    }

    private static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
