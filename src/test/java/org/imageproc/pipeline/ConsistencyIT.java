package org.imageproc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.imageproc.TestService;
import org.imageproc.testing.ExifBuilder;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Uploads, events and keys that collide: whatever arrives when, the final item describes exactly the object in the
 * bucket (its ETag, digest, size, format, dimensions and status), and the thumbnail is that object's thumbnail.
 */
class ConsistencyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String QUEUE = "image-events";

    private final TestService service = TestService.get();

    /** An upload's bytes and what the item must say of them. */
    enum Kind {
        JPEG("image/jpeg", "JPEG", 640, 480),
        JPEG_PORTRAIT("image/jpeg", "JPEG", 300, 500),
        PNG("image/png", "PNG", 400, 100),
        GIF("image/gif", "GIF", 120, 90);

        final String contentType;
        final String format;
        final int width;
        final int height;

        Kind(String contentType, String format, int width, int height) {
            this.contentType = contentType;
            this.format = format;
            this.width = width;
            this.height = height;
        }

        byte[] bytes() {
            BufferedImage image = TestImages.gradient(width, height);
            return switch (this) {
                case JPEG, JPEG_PORTRAIT -> TestImages.jpeg(image);
                case PNG -> TestImages.png(image);
                case GIF -> encode(image, "gif");
            };
        }

        boolean accepted() {
            return this != GIF;
        }
    }

    static Stream<Arguments> races() {
        List<Arguments> races = new ArrayList<>();
        Kind[][] pairs = {{Kind.JPEG, Kind.GIF}, {Kind.GIF, Kind.JPEG}, {Kind.JPEG, Kind.PNG}, {Kind.PNG, Kind.JPEG},
                {Kind.JPEG, Kind.JPEG_PORTRAIT}};
        for (Kind[] pair : pairs) {
            for (int gap : new int[] {0, 100, 400}) {
                races.add(Arguments.of(pair[0], pair[1], gap));
            }
        }
        return races.stream();
    }

    @ParameterizedTest(name = "{0} then {1}, {2} ms later")
    @MethodSource("races")
    void twoUploadsOfOneKeyEndDescribingTheLastOne(Kind first, Kind second, int gapMillis) {
        String id = unique("race.img");
        put(id, first.bytes(), first.contentType);
        CompletableFuture.runAsync(() -> put(id, second.bytes(), second.contentType),
                CompletableFuture.delayedExecutor(gapMillis, TimeUnit.MILLISECONDS)).join();

        Map<String, AttributeValue> item = awaitSettled(id);

        assertDescribesTheObjectInTheBucket(id, item, second);
    }

    @Test
    void threeQuickUploadsEndDescribingTheLastOne() {
        String id = unique("three.img");
        put(id, Kind.PNG.bytes(), Kind.PNG.contentType);
        put(id, Kind.GIF.bytes(), Kind.GIF.contentType);
        put(id, Kind.JPEG_PORTRAIT.bytes(), Kind.JPEG_PORTRAIT.contentType);

        assertDescribesTheObjectInTheBucket(id, awaitSettled(id), Kind.JPEG_PORTRAIT);
    }

    @Test
    void eventsDeliveredOutOfOrderEndDescribingTheLastUpload() throws Exception {
        String id = unique("reordered.img");
        service.context().getRouteController().stopRoute("consume-image-events");
        List<Message> events;
        try {
            put(id, Kind.JPEG.bytes(), Kind.JPEG.contentType);
            put(id, Kind.PNG.bytes(), Kind.PNG.contentType);
            events = receiveAll(2);
        } finally {
            startConsumer();
        }
        // the newer event first, the older one twice after it: a stale event and its duplicate
        send(events.get(1).body());
        Map<String, AttributeValue> item = awaitSettled(id);
        String owner = item.get("executionId").s();
        long superseded = superseded();
        send(events.get(0).body());
        send(events.get(0).body());
        awaitQueueDrained();

        assertThat(superseded()).isEqualTo(superseded + 2);
        Map<String, AttributeValue> after = service.item(id);
        assertThat(after.get("executionId").s()).isEqualTo(owner);
        assertDescribesTheObjectInTheBucket(id, after, Kind.PNG);
    }

    @Test
    void anEventWithAMadeUpETagChangesNothing() {
        String id = unique("forged-etag.jpg");
        put(id, Kind.JPEG.bytes(), Kind.JPEG.contentType);
        Map<String, AttributeValue> before = awaitSettled(id);
        long superseded = superseded();

        send(event(TestService.BUCKET, "Incoming/" + id, "0123456789abcdef0123456789abcdef", "FFFFFFFFFFFFFFFFFF"));
        awaitQueueDrained();

        assertThat(superseded()).isEqualTo(superseded + 1);
        Map<String, AttributeValue> after = service.item(id);
        assertThat(after.get("executionId").s()).isEqualTo(before.get("executionId").s());
        assertDescribesTheObjectInTheBucket(id, after, Kind.JPEG);
    }

    @Test
    void anEventForAnotherBucketIsNeverProcessed() {
        String id = unique("foreign.jpg");
        put(id, Kind.JPEG.bytes(), Kind.JPEG.contentType);
        Map<String, AttributeValue> before = awaitSettled(id);

        send(event("no-such-bucket", "Incoming/" + id, "0123456789abcdef0123456789abcdef", "FFFFFFFFFFFFFFFFFF"));
        awaitQueueDrained();

        Map<String, AttributeValue> after = service.item(id);
        assertThat(after.get("executionId").s()).isEqualTo(before.get("executionId").s());
        assertThat(after.get("s3Bucket").s()).isEqualTo(TestService.BUCKET);
        assertThat(after.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(service.queueDepth("image-events-dlq")).isZero();
    }

    @Test
    void aForgedLaterSequencerDoesNotHoldBackTheNextUpload() {
        String id = unique("forged-sequencer.jpg");
        put(id, Kind.JPEG.bytes(), Kind.JPEG.contentType);
        Map<String, AttributeValue> first = awaitSettled(id);

        // a genuine ETag with a sequencer from the far future: the same bytes processed again, nothing worse
        send(event(TestService.BUCKET, "Incoming/" + id, first.get("eTag").s(), "FFFFFFFFFFFFFFFFFFFFFFFF"));
        await().atMost(WAIT).until(() -> !first.get("executionId").s().equals(service.item(id).get("executionId").s())
                && !"RUNNING".equals(service.item(id).get("status").s()));
        put(id, Kind.PNG.bytes(), Kind.PNG.contentType);

        assertDescribesTheObjectInTheBucket(id, awaitSettled(id), Kind.PNG);
    }

    @Test
    void aHugeExifMakeIsCappedWithAWarning() {
        String id = unique("huge-make.jpg");
        String make = "M".repeat(60 * 1024);
        byte[] jpeg = new ExifBuilder().make(make).model("Model Ü").writeInto(Kind.JPEG.bytes());
        put(id, jpeg, "image/jpeg");

        Map<String, AttributeValue> item = awaitSettled(id);

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("exifMake").s()).isEqualTo(make.substring(0, 1024));
        assertThat(item.get("exifModel").s()).isEqualTo("Model Ü");
        assertThat(item.get("warnings").l()).extracting(AttributeValue::s)
                .contains("The camera make is 61,440 bytes long; only its first 1,024 bytes are kept");
    }

    @Test
    void aKeyWithDotDotSegmentsIsAnImageOfItsOwnAndTouchesNoOtherUsersPhoto() {
        String folder = unique("users");
        String victim = folder + "/victim.jpg";
        byte[] victimBytes = Kind.JPEG.bytes();
        put(victim, victimBytes, "image/jpeg");
        Map<String, AttributeValue> before = awaitSettled(victim);
        String attacker = "../Incoming/" + victim;
        String sneaky = "../" + folder + "-k.jpg";

        put(attacker, Kind.JPEG_PORTRAIT.bytes(), "image/jpeg");
        put(sneaky, Kind.PNG.bytes(), "image/png");

        assertDescribesTheObjectInTheBucket(attacker, awaitSettled(attacker), Kind.JPEG_PORTRAIT);
        assertDescribesTheObjectInTheBucket(sneaky, awaitSettled(sneaky), Kind.PNG);
        assertThat(service.s3().getObjectAsBytes(r -> r.bucket(TestService.BUCKET).key("Incoming/" + victim))
                .asByteArray()).isEqualTo(victimBytes);
        Map<String, AttributeValue> after = service.item(victim);
        assertThat(after.get("executionId").s()).isEqualTo(before.get("executionId").s());
        assertDescribesTheObjectInTheBucket(victim, after, Kind.JPEG);
    }

    @Test
    void longKeysAreProcessedUpToWhatAThumbnailKeyAllows() {
        String longest = unique("l") + "-" + "x".repeat(1024 - "Thumbnails/".length() - unique("l").length() - 5)
                + ".jpg";
        assertThat(("Thumbnails/" + longest).getBytes(StandardCharsets.UTF_8)).hasSize(1024);
        String tooLong = longest.replace(".jpg", "y.jpg");
        put(longest, Kind.JPEG.bytes(), "image/jpeg");
        put(tooLong, Kind.JPEG.bytes(), "image/jpeg");

        assertDescribesTheObjectInTheBucket(longest, awaitSettled(longest), Kind.JPEG);
        Map<String, AttributeValue> refused = awaitSettled(tooLong);
        assertThat(refused.get("status").s()).isEqualTo("FAILED");
        assertThat(refused.get("error").s()).isEqualTo("KeyTooLong");
        assertThat(refused.get("retryable").bool()).isFalse();
        assertThat(service.queueDepth("image-events-dlq")).isZero();
    }

    // ---- what must hold at the end

    private void assertDescribesTheObjectInTheBucket(String id, Map<String, AttributeValue> item, Kind expected) {
        ResponseBytes<GetObjectResponse> object = service.s3().getObjectAsBytes(r -> r.bucket(TestService.BUCKET)
                .key("Incoming/" + id));
        String eTag = object.response().eTag().replace("\"", "");
        assertThat(item.get("eTag").s()).as("eTag").isEqualTo(eTag);
        assertThat(item.get("s3key").s()).isEqualTo("Incoming/" + id);
        assertThat(item.get("sha256").s()).as("sha256 of the bucket's object").isEqualTo(sha256(object.asByteArray()));
        assertThat(item.get("fileSize").n()).isEqualTo(Long.toString(object.asByteArray().length));
        assertThat(item.get("imageFormat").s()).isEqualTo(expected.format);
        Map<String, AttributeValue> dimensions = item.get("dimensions").m();
        assertThat(dimensions.get("width").n()).isEqualTo(Integer.toString(expected.width));
        assertThat(dimensions.get("height").n()).isEqualTo(Integer.toString(expected.height));
        String thumbnailKey = "Thumbnails/" + id;
        if (expected.accepted()) {
            assertThat(item.get("status").s()).as("status; cause: %s", item.get("cause")).isEqualTo("SUCCEEDED");
            assertThat(item).doesNotContainKeys("error", "failedStep");
            ResponseBytes<GetObjectResponse> thumbnail = service.s3().getObjectAsBytes(r -> r
                    .bucket(TestService.BUCKET).key(thumbnailKey));
            assertThat(thumbnail.response().metadata()).containsEntry("source-etag", eTag);
            BufferedImage pixels = read(thumbnail.asByteArray());
            double scale = Math.min(1.0, 250.0 / Math.max(expected.width, expected.height));
            assertThat(Math.max(pixels.getWidth(), pixels.getHeight())).as("thumbnail's longest side")
                    .isEqualTo((int) Math.round(Math.max(expected.width, expected.height) * scale));
            assertThat((double) pixels.getWidth()).as("thumbnail width")
                    .isCloseTo(expected.width * scale, org.assertj.core.api.Assertions.within(1.0));
            assertThat((double) pixels.getHeight()).as("thumbnail height")
                    .isCloseTo(expected.height * scale, org.assertj.core.api.Assertions.within(1.0));
            assertThat(item.get("thumbnail").m().get("width").n()).isEqualTo(Integer.toString(pixels.getWidth()));
            assertThat(item.get("thumbnail").m().get("height").n()).isEqualTo(Integer.toString(pixels.getHeight()));
        } else {
            assertThat(item.get("status").s()).isEqualTo("FAILED");
            assertThat(item.get("error").s()).isEqualTo("NotSupportedImageType");
            assertThat(item).doesNotContainKeys("thumbnail", "labels", "tags");
            assertThatThrownBy(() -> service.s3().headObject(r -> r.bucket(TestService.BUCKET).key(thumbnailKey)))
                    .as("a failed upload has no thumbnail, not even an earlier upload's")
                    .isInstanceOf(NoSuchKeyException.class);
        }
        assertThat(item.get("steps").m().values()).extracting(step -> step.m().get("status").s())
                .doesNotContain("RUNNING");
    }

    /** The item once every message is processed and its run has ended. */
    private Map<String, AttributeValue> awaitSettled(String id) {
        await().atMost(WAIT).until(() -> {
            Map<String, AttributeValue> item = service.item(id);
            return service.queueDepth(QUEUE) == 0 && item.containsKey("status")
                    && !"RUNNING".equals(item.get("status").s());
        });
        return service.item(id);
    }

    private void awaitQueueDrained() {
        await().atMost(WAIT).until(() -> service.queueDepth(QUEUE) == 0);
    }

    private void put(String id, byte[] bytes, String contentType) {
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id).contentType(contentType),
                RequestBody.fromBytes(bytes));
    }

    private String queueUrl() {
        return service.sqs().getQueueUrl(r -> r.queueName(QUEUE)).queueUrl();
    }

    private void send(String body) {
        service.sqs().sendMessage(r -> r.queueUrl(queueUrl()).messageBody(body));
    }

    private List<Message> receiveAll(int count) {
        List<Message> messages = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            service.sqs().receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().forEach(message -> {
                        messages.add(message);
                        service.sqs().deleteMessage(d -> d.queueUrl(queueUrl()).receiptHandle(message.receiptHandle()));
                    });
            return messages.size() >= count;
        });
        messages.sort((a, b) -> sequencer(a).compareTo(sequencer(b)));
        return messages;
    }

    private void startConsumer() {
        try {
            service.context().getRouteController().startRoute("consume-image-events");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sequencer(Message message) {
        Matcher matcher = Pattern.compile("\"sequencer\":\"([0-9A-F]+)\"").matcher(message.body());
        return matcher.find() ? matcher.group(1) : "";
    }

    /** The superseded-runs counter as Prometheus scrapes it. */
    private long superseded() {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    service.management().resolve("observe/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher matcher = Pattern.compile("(?m)^imageproc_images_superseded_total(?:\\{[^}]*})? ([0-9.E]+)$")
                    .matcher(metrics);
            return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String event(String bucket, String key, String eTag, String sequencer) {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                  "eventTime":"%s","eventName":"ObjectCreated:Put",
                  "s3":{"bucket":{"name":"%s"},"object":{"key":"%s","size":1,"eTag":"%s","sequencer":"%s"}}}]}
                """.formatted(Instant.now(), bucket, encoded, eTag, sequencer);
    }

    private static String unique(String name) {
        return "consistency-" + UUID.randomUUID().toString().substring(0, 8) + "-" + name;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
