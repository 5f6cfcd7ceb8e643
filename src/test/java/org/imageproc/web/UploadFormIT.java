package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The browser's upload form against the local S3 over the wire: the issued form stores the photo as issued and it is
 * processed; every way of using it for something else is refused by S3 and stores nothing.
 */
class UploadFormIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestService service = TestService.get();
    private final Api api = new Api(service.web());
    private final String user = "f" + UUID.randomUUID().toString().substring(0, 8);
    private final byte[] jpeg = TestImages.jpeg(TestImages.gradient(320, 240));

    @BeforeEach
    void createAlbum() {
        assertThat(api.createAlbum(user, "trip").status()).isEqualTo(201);
    }

    @Test
    void theIssuedFormStoresThePhotoWithItsTypeAndOwnerAndItIsProcessed() throws Exception {
        JsonNode ticket = ticket("image/jpeg");
        String id = ticket.path("imageID").asText();

        Api.Reply reply = Api.upload(ticket, jpeg);

        assertThat(reply.status()).as(reply.text()).isEqualTo(204);
        HeadObjectResponse head = service.s3().headObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id));
        assertThat(head.contentType()).isEqualTo("image/jpeg");
        assertThat(head.contentLength()).isEqualTo(jpeg.length);
        assertThat(head.metadata()).containsOnly(Map.entry("userid", user), Map.entry("albumid", user + "/trip"),
                Map.entry("filename", "photo.jpg"));
        JsonNode item = api.awaitFinal(id, user, WAIT).path("item");
        assertThat(item.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(item.path("userID").asText()).isEqualTo(user);
        assertThat(item.path("albumID").asText()).isEqualTo(user + "/trip");
        assertThat(item.path("dimensions").path("width").asInt()).isEqualTo(320);
        assertThat(item.path("sha256").asText()).isEqualTo(sha256(jpeg));
    }

    @Test
    void anotherKeyIsRefused() {
        JsonNode ticket = ticket("image/jpeg");
        String other = "Incoming/" + UUID.randomUUID() + ".jpg";

        assertRefused(ticket, Api.upload(ticket, jpeg, Map.of("key", other)), 403, "AccessDenied", "\"$key\"");
        assertThat(stored(other)).isFalse();
    }

    @Test
    void anotherContentTypeIsRefused() {
        JsonNode ticket = ticket("image/jpeg");

        assertRefused(ticket, Api.upload(ticket, jpeg, Map.of("Content-Type", "text/html")), 403, "AccessDenied",
                "\"$content-type\", \"image/jpeg\"");
        assertRefused(ticket, Api.upload(ticket, TestImages.gif(TestImages.gradient(20, 20)),
                Map.of("Content-Type", "image/gif")), 403, "AccessDenied", "\"$content-type\", \"image/jpeg\"");
    }

    @Test
    void anotherOwnerIsRefused() {
        JsonNode ticket = ticket("image/png");

        assertRefused(ticket, Api.upload(ticket, TestImages.png(TestImages.gradient(20, 20)),
                Map.of("x-amz-meta-userid", "someone-else")), 403, "AccessDenied", "\"$x-amz-meta-userid\"");
    }

    @Test
    void extraMetadataIsRefused() {
        JsonNode ticket = ticket("image/jpeg");

        assertRefused(ticket, Api.upload(ticket, jpeg, Map.of("x-amz-meta-note", "unsigned")), 403, "AccessDenied",
                "Extra input fields: x-amz-meta-note");
    }

    @Test
    void aTamperedPolicyIsRefused() {
        JsonNode ticket = ticket("image/jpeg");
        String policy = new String(Base64.getDecoder().decode(ticket.path("fields").path("policy").asText()),
                StandardCharsets.UTF_8);
        assertThat(policy).contains("\"image/jpeg\"");
        String widened = Base64.getEncoder().encodeToString(
                policy.replace("\"image/jpeg\"", "\"text/html\"").getBytes(StandardCharsets.UTF_8));

        Api.Reply reply = Api.upload(ticket, jpeg, Map.of("policy", widened, "Content-Type", "text/html"));

        // s3proxy answers a signature that does not match with a bare 403
        assertRefused(ticket, reply, 403, "", "");
    }

    @Test
    void anEmptyFileIsRefused() {
        JsonNode ticket = ticket("image/jpeg");

        assertRefused(ticket, Api.upload(ticket, new byte[0]), 400, "EntityTooSmall", "");
    }

    private JsonNode ticket(String contentType) {
        Api.Reply reply = api.post("api/albums/" + user + "/trip/uploads", user,
                Map.of("fileName", "photo.jpg", "contentType", contentType));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    /**
     * S3's status, error code (empty: no error document) and the condition its message names, and nothing stored
     * under the ticket's key.
     */
    private void assertRefused(JsonNode ticket, Api.Reply reply, int status, String code, String condition) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(errorCode(reply)).isEqualTo(code);
        assertThat(reply.text()).contains(condition);
        assertThat(stored(ticket.path("fields").path("key").asText())).isFalse();
    }

    private boolean stored(String key) {
        return service.s3().listObjectsV2(r -> r.bucket(TestService.BUCKET).prefix(key)).keyCount() > 0;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String errorCode(Api.Reply reply) {
        int start = reply.text().indexOf("<Code>");
        return start < 0 ? "" : reply.text().substring(start + "<Code>".length(), reply.text().indexOf("</Code>"));
    }
}
