package org.imageproc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Endpoint;
import org.imageproc.TestService;
import org.imageproc.testing.ExifBuilder;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Uploads through the real S3 API of the running service and checks what lands in DynamoDB and S3. */
class ProcessImageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestService service = TestService.get();

    @Test
    void aJpegEndsSucceededWithItsMetadataLabelsAndThumbnail() throws Exception {
        String id = unique("photo.jpg");
        byte[] jpeg = image(800, 600, "jpg");
        Instant before = Instant.now().minusSeconds(2);

        put(id, jpeg, Map.of("userid", "alice", "albumid", "alice/holiday"));
        Map<String, AttributeValue> item = awaitFinal(id);

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("s3key").s()).isEqualTo("Incoming/" + id);
        assertThat(item.get("imageFormat").s()).isEqualTo("JPEG");
        assertThat(item.get("dimensions").m().get("width").n()).isEqualTo("800");
        assertThat(item.get("dimensions").m().get("height").n()).isEqualTo("600");
        assertThat(item.get("fileSize").n()).isEqualTo(String.valueOf(jpeg.length));
        assertThat(item.get("sha256").s()).isEqualTo(sha256(jpeg));
        assertThat(item.get("userID").s()).isEqualTo("alice");
        assertThat(item.get("albumID").s()).isEqualTo("alice/holiday");
        assertThat(Long.parseLong(item.get("uploadTime").n())).isBetween(before.getEpochSecond(),
                Instant.now().getEpochSecond());
        assertThat(item.get("tags").l()).extracting(AttributeValue::s).containsExactly("Dog", "Animal");
        assertThat(item.get("labels").l().get(0).m().get("confidence").n()).isEqualTo("97.5");
        assertThat(item.get("labels").l().get(0).m().get("instances").l()).hasSize(1);
        assertThat(item).doesNotContainKeys("error", "cause", "warnings");

        Map<String, AttributeValue> thumbnail = item.get("thumbnail").m();
        assertThat(thumbnail.get("s3Bucket").s()).isEqualTo(TestService.BUCKET);
        assertThat(thumbnail.get("s3Key").s()).isEqualTo("Thumbnails/" + id);
        assertThat(thumbnail.get("width").n()).isEqualTo("250");
        assertThat(thumbnail.get("height").n()).isEqualTo("188");
        ResponseBytes<GetObjectResponse> stored = service.s3().getObjectAsBytes(
                r -> r.bucket(TestService.BUCKET).key("Thumbnails/" + id));
        assertThat(stored.response().contentType()).isEqualTo("image/jpeg");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored.asByteArray()));
        assertThat(decoded.getWidth()).isEqualTo(250);
        assertThat(decoded.getHeight()).isEqualTo(188);

        Map<String, AttributeValue> steps = item.get("steps").m();
        assertThat(steps).containsOnlyKeys("read-image", "extract-metadata", "check-image", "store-metadata",
                "decode-image", "detect-labels", "make-thumbnail", "finish-execution");
        steps.values().forEach(step -> {
            assertThat(step.m().get("status").s()).isEqualTo("SUCCEEDED");
            assertThat(Long.parseLong(step.m().get("durationMs").n())).isNotNegative();
        });
        // the aggregate is written by the flow's own aws2-ddb endpoint, conditional on the run
        assertThat(service.context().getEndpoints()).extracting(Endpoint::getEndpointUri)
                .anyMatch(uri -> uri.startsWith("aws2-ddb://ImageMetadata?") && uri.contains("operation=UpdateItem"));

        JsonNode request = service.rekognition().requests().stream()
                .filter(r -> r.path("Image").path("S3Object").path("Name").asText().equals("Incoming/" + id))
                .findFirst().orElseThrow();
        assertThat(request.path("Image").path("S3Object").path("Bucket").asText()).isEqualTo(TestService.BUCKET);
        assertThat(request.path("MaxLabels").asInt()).isEqualTo(10);
        assertThat(request.path("MinConfidence").asDouble()).isEqualTo(60.0);
    }

    @Test
    void exifAndGpsOfARotatedPhoneJpegAreStoredAndTheThumbnailIsTurnedUpright() {
        String id = unique("phone.jpg");
        byte[] jpeg = new ExifBuilder().make("Nokia").model("8.3 5G").dateTimeOriginal("2024:06:21 18:30:05")
                .offsetTimeOriginal("+03:00").orientation(6).gps(-33.856784, -151.215297).altitude(12.5)
                .writeInto(TestImages.jpeg(TestImages.gradient(640, 480)));
        put(id, jpeg, Map.of());

        Map<String, AttributeValue> item = awaitFinal(id);

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("exifMake").s()).isEqualTo("Nokia");
        assertThat(item.get("exifModel").s()).isEqualTo("8.3 5G");
        assertThat(item.get("creationTime").s()).isEqualTo("2024-06-21T18:30:05");
        assertThat(item.get("creationTimeOffset").s()).isEqualTo("+03:00");
        assertThat(item.get("orientation").n()).isEqualTo("6");
        assertThat(item.get("dimensions").m().get("width").n()).isEqualTo("480");
        assertThat(item.get("dimensions").m().get("height").n()).isEqualTo("640");
        Map<String, AttributeValue> geo = item.get("geo").m();
        assertThat(Double.parseDouble(geo.get("latitude").n())).isCloseTo(-33.856784, within(1e-6));
        assertThat(Double.parseDouble(geo.get("longitude").n())).isCloseTo(-151.215297, within(1e-6));
        assertThat(Double.parseDouble(geo.get("altitude").n())).isCloseTo(12.5, within(1e-6));
        assertThat(item.get("thumbnail").m().get("width").n()).isEqualTo("188");
        assertThat(item.get("thumbnail").m().get("height").n()).isEqualTo("250");
    }

    @Test
    void anImageDeclaringTooManyPixelsIsRejectedBeforeDecoding() {
        String id = unique("huge.png");
        put(id, TestImages.pngHeaderOnly(50_000, 50_000), Map.of());

        Map<String, AttributeValue> item = awaitFinal(id);

        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("error").s()).isEqualTo("ImageTooLarge");
        assertThat(item.get("cause").s()).contains("50000 x 50000");
        assertThat(item.get("failedStep").s()).isEqualTo("check-image");
    }

    @Test
    void aTruncatedJpegSucceedsWithAWarning() {
        String id = unique("cut.jpg");
        put(id, TestImages.truncated(TestImages.jpeg(TestImages.gradient(400, 300)), 0.6), Map.of());

        Map<String, AttributeValue> item = awaitFinal(id);

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("warnings").l()).extracting(AttributeValue::s)
                .anyMatch(warning -> warning.contains("ends early"));
        assertThat(item.get("thumbnail").m().get("width").n()).isEqualTo("250");
    }

    @Test
    void aPngKeepsItsFormatInTheThumbnail() throws Exception {
        String id = unique("screen.png");
        put(id, image(300, 1000, "png"), Map.of());

        Map<String, AttributeValue> item = awaitFinal(id);

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("imageFormat").s()).isEqualTo("PNG");
        assertThat(item.get("thumbnail").m().get("width").n()).isEqualTo("75");
        assertThat(item.get("thumbnail").m().get("height").n()).isEqualTo("250");
        assertThat(item).doesNotContainKeys("albumID", "userID");
        assertThat(service.s3().headObject(r -> r.bucket(TestService.BUCKET).key("Thumbnails/" + id)).contentType())
                .isEqualTo("image/png");
    }

    @Test
    void aGifIsRejectedWithAReasonAndGetsNoThumbnail() throws Exception {
        String id = unique("animation.gif.jpg");
        put(id, image(40, 30, "gif"), Map.of("userid", "bob", "albumid", "bob/gifs"));

        Map<String, AttributeValue> item = awaitFinal(id);
        // still listed in its album's gallery, with its reason
        assertThat(item.get("albumID").s()).isEqualTo("bob/gifs");
        assertThat(item.get("userID").s()).isEqualTo("bob");
        assertThat(item).containsKey("uploadTime");

        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("error").s()).isEqualTo("NotSupportedImageType");
        assertThat(item.get("cause").s()).isEqualTo("GIF images are not supported; upload JPEG or PNG");
        assertThat(item.get("failedStep").s()).isEqualTo("check-image");
        assertThat(item.get("retryable").bool()).isFalse();
        assertThat(item.get("steps").m().get("check-image").m().get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("steps").m()).doesNotContainKeys("make-thumbnail", "finish-execution");
        assertNoThumbnail(id);
    }

    @Test
    void anEmptyFileAndTextNamedJpgFailWithReasons() {
        String empty = unique("empty.jpg");
        String text = unique("notes.jpg");
        put(empty, new byte[0], Map.of());
        put(text, "just some text, not a photo\n".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(awaitFinal(empty).get("error").s()).isEqualTo("EmptyFile");
        Map<String, AttributeValue> textItem = awaitFinal(text);
        assertThat(textItem.get("status").s()).isEqualTo("FAILED");
        assertThat(textItem.get("error").s()).isEqualTo("NotAnImage");
        assertThat(textItem.get("cause").s()).isNotBlank();
    }

    @Test
    void keysWithSpacesUnicodeAndPlusArePreserved() throws Exception {
        String id = unique("my photo+1 é ü.jpg");
        put(id, image(64, 48, "jpg"), Map.of());

        Map<String, AttributeValue> item = awaitFinal(id);

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("s3key").s()).isEqualTo("Incoming/" + id);
        assertThat(service.s3().headObject(r -> r.bucket(TestService.BUCKET).key("Thumbnails/" + id)).contentLength())
                .isPositive();
    }

    @Test
    void anEventForAnObjectThatIsGoneLeavesNoItemAndTakesItsUnfinishedItemAway() {
        // a photo deleted on purpose must not come back as an item, whatever event is still queued for it
        String never = unique("never.jpg");
        String gone = unique("gone.jpg");
        service.dynamoDb().putItem(r -> r.tableName("ImageMetadata").item(Map.of(
                "imageID", AttributeValue.fromS(gone), "eTag", AttributeValue.fromS("0123456789abcdef"),
                "objectVersion", AttributeValue.fromS("01"), "executionId", AttributeValue.fromS("crashed-run"),
                "status", AttributeValue.fromS("RUNNING"))));

        send(event("Incoming/" + never, "0123456789abcdef"));
        send(event("Incoming/" + gone, "0123456789abcdef"));

        awaitQueueDrained();
        await().atMost(WAIT).until(() -> item(gone).isEmpty());
        assertThat(item(never)).isEmpty();
    }

    @Test
    void aDuplicateDeliveryChangesNothingAndANewUploadIsProcessedAgain() throws Exception {
        String id = unique("twice.jpg");
        put(id, image(120, 90, "jpg"), Map.of());
        Map<String, AttributeValue> first = awaitFinal(id);
        String eTag = first.get("eTag").s();

        // the same event again: same ETag, same sequencer
        send(event("Incoming/" + id, eTag, first.get("objectVersion").s()));
        awaitQueueDrained();
        assertThat(item(id).get("executionId").s()).isEqualTo(first.get("executionId").s());

        put(id, image(90, 120, "jpg"), Map.of());
        await().atMost(WAIT).until(() -> !item(id).get("eTag").s().equals(eTag)
                && "SUCCEEDED".equals(item(id).get("status").s()));
        Map<String, AttributeValue> second = item(id);
        assertThat(second.get("executionId").s()).isNotEqualTo(first.get("executionId").s());
        assertThat(second.get("dimensions").m().get("width").n()).isEqualTo("90");
    }

    @Test
    void foreignAndMalformedMessagesAreDeletedAndTheServiceGoesOn() throws Exception {
        send("this is not an S3 event");
        send("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"photo-repo\"}");
        send("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}");
        String id = unique("after-garbage.jpg");
        put(id, image(50, 50, "jpg"), Map.of());

        assertThat(awaitFinal(id).get("status").s()).isEqualTo("SUCCEEDED");
        awaitQueueDrained();
        assertThat(queueDepth("image-events-dlq")).isZero();
    }

    @Test
    void anImageTheLabelServiceRefusesFailsWithItsReason() throws Exception {
        String id = unique("refuse-labels.jpg");
        put(id, image(50, 50, "jpg"), Map.of());

        Map<String, AttributeValue> item = awaitFinal(id);

        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("error").s()).isEqualTo("LabelDetectionRefused");
        assertThat(item.get("cause").s()).contains("Request has unsupported image format");
        assertThat(item.get("failedStep").s()).isEqualTo("detect-labels");
        assertThat(item.get("steps").m()).doesNotContainKey("finish-execution");
    }

    private Map<String, AttributeValue> awaitFinal(String id) {
        return service.awaitFinal(id, WAIT);
    }

    private Map<String, AttributeValue> item(String id) {
        return service.item(id);
    }

    private int queueDepth(String queue) {
        return service.queueDepth(queue);
    }

    private void put(String id, byte[] bytes, Map<String, String> metadata) {
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id).metadata(metadata),
                RequestBody.fromBytes(bytes));
    }

    private void assertNoThumbnail(String id) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> service.s3().headObject(r -> r.bucket(TestService.BUCKET).key("Thumbnails/" + id)))
                .isInstanceOfAny(NoSuchKeyException.class, software.amazon.awssdk.services.s3.model.S3Exception.class);
    }

    private void send(String body) {
        String url = service.sqs().getQueueUrl(r -> r.queueName("image-events")).queueUrl();
        service.sqs().sendMessage(r -> r.queueUrl(url).messageBody(body));
    }

    private void awaitQueueDrained() {
        await().atMost(WAIT).until(() -> queueDepth("image-events") == 0);
    }

    private static String event(String key, String eTag) {
        return event(key, eTag, "01");
    }

    private static String event(String key, String eTag, String sequencer) {
        String encoded = java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                  "eventTime":"%s","eventName":"ObjectCreated:Put",
                  "s3":{"bucket":{"name":"photo-repo"},"object":{"key":"%s","size":1,"eTag":"%s","sequencer":"%s"}}}]}
                """.formatted(Instant.now(), encoded, eTag, sequencer);
    }

    private static String unique(String name) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + name;
    }

    static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new UncheckedIOException(new IOException("No ImageIO writer for " + format));
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
