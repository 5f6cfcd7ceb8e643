package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.imageproc.TestService;
import org.imageproc.testing.ExifBuilder;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The photo endpoints over HTTP against the running service: an upload through the presigned PUT goes through the
 * pipeline and shows in the gallery; other users, unknown and invalid ids are refused.
 */
class PhotosApiTest {

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

        JsonNode ticket = ticket("IMG_0001.JPG");
        String id = ticket.path("imageID").asText();
        assertThat(id).matches("[0-9a-f-]{36}\\.jpg");
        assertThat(ticket.path("url").asText()).contains("/photo-repo/Incoming/" + id + "?");
        assertThat(ticket.path("headers").path("x-amz-meta-userid").asText()).isEqualTo(user);
        assertThat(ticket.path("headers").path("x-amz-meta-albumid").asText()).isEqualTo(user + "/trip");
        assertThat(put(ticket, jpeg, Map.of())).isEqualTo(200);

        JsonNode photo = awaitFinal(id);
        JsonNode item = photo.path("item");
        assertThat(item.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(item.path("albumID").asText()).isEqualTo(user + "/trip");
        assertThat(item.path("userID").asText()).isEqualTo(user);
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

        JsonNode gallery = api.get("api/albums/" + user + "/trip/photos", user).json();
        assertThat(gallery).extracting(p -> p.path("imageID").asText()).containsExactly(id);
        assertThat(gallery.get(0).path("thumbnailUrl").asText()).contains("/photo-repo/Thumbnails/" + id + "?");
    }

    @Test
    void anUploadWaitingForProcessingShowsAsUploaded() throws Exception {
        JsonNode ticket = ticket("waiting.jpg");
        String id = ticket.path("imageID").asText();
        TestService.get().context().getRouteController().stopRoute("consume-image-events");
        try {
            put(ticket, TestImages.jpeg(64, 48), Map.of());

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
    void aGifFailsWithItsReasonAndHasNoThumbnail() throws Exception {
        JsonNode ticket = ticket("anim.gif");
        put(ticket, TestImages.gif(TestImages.gradient(60, 40)), Map.of());

        JsonNode photo = awaitFinal(ticket.path("imageID").asText());

        assertThat(photo.path("item").path("status").asText()).isEqualTo("FAILED");
        assertThat(photo.path("item").path("cause").asText()).isEqualTo("GIF images are not supported; upload JPEG or PNG");
        assertThat(photo.path("item").path("failedStep").asText()).isEqualTo("check-image");
        assertThat(photo.path("thumbnailUrl").isNull()).isTrue();
    }

    @Test
    void aTicketOnlyWorksWithTheSignedMetadata() throws Exception {
        JsonNode ticket = ticket("a.png");

        int status = put(ticket, TestImages.png(TestImages.gradient(20, 20)), Map.of("x-amz-meta-userid", stranger));

        assertThat(status).isEqualTo(403);
        assertThat(api.get("api/photos/" + ticket.path("imageID").asText(), user).status()).isEqualTo(404);
    }

    @Test
    void anotherUserCannotSeeUploadToOrReadFromTheAlbum() throws Exception {
        JsonNode ticket = ticket("mine.jpg");
        put(ticket, TestImages.jpeg(100, 80), Map.of());
        String id = ticket.path("imageID").asText();
        awaitFinal(id);

        Api.Reply gallery = api.get("api/albums/" + user + "/trip/photos", stranger);
        Api.Reply upload = api.post("api/albums/" + user + "/trip/uploads", stranger, Map.of("fileName", "x.jpg"));
        Api.Reply photo = api.get("api/photos/" + id, stranger);

        assertThat(gallery.status()).isEqualTo(403);
        assertThat(gallery.json().path("message").asText()).isEqualTo("This album belongs to someone else");
        assertThat(upload.status()).isEqualTo(403);
        assertThat(photo.status()).isEqualTo(403);
        assertThat(photo.json().path("message").asText()).isEqualTo("This photo belongs to someone else");
        assertThat(api.get("api/albums", stranger).json()).isEmpty();
    }

    @Test
    void unknownAlbumsAndPhotosAreNotFound() {
        Api.Reply album = api.get("api/albums/" + user + "/nope/photos", user);
        Api.Reply upload = api.post("api/albums/" + user + "/nope/uploads", user, Map.of("fileName", "x.jpg"));
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
        Api.Reply noUser = api.post("api/albums/" + user + "/trip/uploads", null, Map.of("fileName", "x.jpg"));

        assertThat(photo.status()).isEqualTo(400);
        assertThat(photo.json().path("message").asText()).isEqualTo("Not an image id of this app");
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(albumName.status()).isEqualTo(400);
        assertThat(owner.status()).isEqualTo(400);
        assertThat(noUser.status()).isEqualTo(400);
    }

    @Test
    void anUnsafeExtensionIsDroppedFromTheNewId() {
        JsonNode odd = ticket("evil.j/../pg");
        JsonNode none = ticket("README");

        assertThat(odd.path("imageID").asText()).matches("[0-9a-f-]{36}");
        assertThat(none.path("imageID").asText()).matches("[0-9a-f-]{36}");
    }

    private JsonNode ticket(String fileName) {
        Api.Reply reply = api.post("api/albums/" + user + "/trip/uploads", user, Map.of("fileName", fileName));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    private JsonNode awaitFinal(String id) {
        return api.awaitFinal(id, user, WAIT);
    }

    private static int put(JsonNode ticket, byte[] bytes, Map<String, String> overrides) {
        return Api.upload(ticket, bytes, overrides);
    }

    private static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
