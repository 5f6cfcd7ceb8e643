package org.imageproc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.imageproc.TestService;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;

/**
 * The size limit and the lifetime of the browser's upload form, each in a service of its own configured small:
 * the local S3 refuses a file over imageproc.max-file-bytes and a form used after imageproc.web.upload-seconds.
 */
class UploadLimitsIT {

    private static final String USER = "limits";

    @Test
    void aFileOverTheLimitIsRefusedAndOneWithinItStored() {
        TestService service = TestService.start(Map.of("imageproc.max-file-bytes", "4000"));
        try {
            Api api = album(service);
            byte[] small = TestImages.jpeg(32, 24);
            byte[] large = TestImages.png(TestImages.gradient(400, 300));
            assertThat(small.length).isLessThan(4000);
            assertThat(large.length).isGreaterThan(4000);
            JsonNode forLarge = ticket(api, "image/png");
            JsonNode forSmall = ticket(api, "image/jpeg");

            Api.Reply refused = Api.upload(forLarge, large);
            Api.Reply stored = Api.upload(forSmall, small);

            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(UploadFormIT.errorCode(refused)).isEqualTo("EntityTooLarge");
            assertThat(stored(service, forLarge)).isFalse();
            assertThat(stored.status()).as(stored.text()).isEqualTo(204);
            assertThat(stored(service, forSmall)).isTrue();
        } finally {
            service.stop();
        }
    }

    @Test
    void aFormIsRefusedOnceItExpired() {
        TestService service = TestService.start(Map.of("imageproc.web.upload-seconds", "1"));
        try {
            JsonNode ticket = ticket(album(service), "image/jpeg");
            Instant expiresAt = Instant.parse(ticket.path("expiresAt").asText());
            assertThat(expiresAt).isBefore(Instant.now().plusSeconds(2));

            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(expiresAt));
            Api.Reply reply = Api.upload(ticket, TestImages.jpeg(32, 24));

            assertThat(reply.status()).as(reply.text()).isEqualTo(403);
            assertThat(UploadFormIT.errorCode(reply)).isEqualTo("AccessDenied");
            assertThat(reply.text()).contains("Policy expired");
            assertThat(stored(service, ticket)).isFalse();
        } finally {
            service.stop();
        }
    }

    private static Api album(TestService service) {
        Api api = new Api(service.web());
        assertThat(api.createAlbum(USER, "trip").status()).isEqualTo(201);
        return api;
    }

    private static JsonNode ticket(Api api, String contentType) {
        Api.Reply reply = api.post("api/albums/" + USER + "/trip/uploads", USER,
                Map.of("fileName", "photo", "contentType", contentType));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    private static boolean stored(TestService service, JsonNode ticket) {
        String key = ticket.path("fields").path("key").asText();
        return service.s3().listObjectsV2(r -> r.bucket(TestService.BUCKET).prefix(key)).keyCount() > 0;
    }
}
