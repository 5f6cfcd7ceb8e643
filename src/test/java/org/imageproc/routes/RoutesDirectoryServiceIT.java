package org.imageproc.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ProducerTemplate;
import org.imageproc.TestService;
import org.imageproc.testing.BuiltInRoutes;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service started with an operator's routes directory (imageproc.routes.dir) and reloading on: a copy of
 * process-image.yaml with its own step settings replaces the built-in one, an added file brings a route of its own,
 * and a changed file is reloaded; the accepted formats are narrowed to JPEG.
 */
class RoutesDirectoryServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FLOW = "process-my-photos";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path directory;
    private static TestService service;

    @BeforeAll
    static void startWithARoutesDirectory() throws IOException {
        directory = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "routes-");
        // an operator's copy under an id of its own: its runs and steps must keep their metrics
        Files.writeString(directory.resolve("process-image.yaml"), BuiltInRoutes.processImageWith(Map.of(
                "imageproc.labels.max-labels", "3",
                "imageproc.labels.min-confidence", "75",
                "imageproc.thumbnail.max-size", "100")).replace("    id: process-image\n", "    id: " + FLOW + "\n"));
        Files.writeString(directory.resolve("greet.yaml"), greeting("first version"));
        service = TestService.start(Map.of(
                "imageproc.routes.dir", directory.toString(),
                "imageproc.routes.reload", "true",
                "imageproc.formats", "JPEG",
                "imageproc.labels.image-source", "bytes"));
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @Test
    void theReplacementComesFromTheDirectoryAndTheOtherBuiltInFileFromTheClasspath() {
        assertThat(service.context().getRoute(FLOW).getSourceResource().getLocation())
                .isEqualTo("file:" + directory.toAbsolutePath().resolve("process-image.yaml"));
        assertThat(service.context().getRoute("announce-success").getSourceResource().getLocation())
                .endsWith("routes/announce-success.yaml").doesNotContain(directory.toString());
    }

    @Test
    void theFlowsOwnSettingsReachTheLabelAndThumbnailSteps() {
        String id = UUID.randomUUID() + ".jpg";
        put(id, TestImages.jpeg(800, 600));

        Map<String, AttributeValue> item = service.awaitFinal(id, WAIT);

        assertThat(item.get("status").s()).isEqualTo("SUCCEEDED");
        assertThat(item.get("thumbnail").m().get("width").n()).isEqualTo("100");
        assertThat(item.get("thumbnail").m().get("height").n()).isEqualTo("75");
        assertThat(TestImages.decode(service.s3().getObjectAsBytes(
                r -> r.bucket(TestService.BUCKET).key("Thumbnails/" + id)).asByteArray()).getWidth()).isEqualTo(100);
        // the picture goes inline, as the default says: this test's 800 x 600 JPEG is the only one of its size
        JsonNode request = service.rekognition().requests().stream()
                .filter(r -> sentSize(r).equals(List.of(800, 600))).findFirst().orElseThrow();
        assertThat(request.path("Image").has("S3Object")).isFalse();
        assertThat(request.path("MaxLabels").asInt()).isEqualTo(3);
        assertThat(request.path("MinConfidence").asDouble()).isEqualTo(75.0);
    }

    @Test
    void aRenamedFlowKeepsItsRunAndStepMetrics() throws Exception {
        assertThat(service.context().getRoute("process-image")).as("the copy replaced the built-in flow").isNull();
        String id = UUID.randomUUID() + ".jpg";
        put(id, TestImages.jpeg(320, 240));
        assertThat(service.awaitFinal(id, WAIT).get("status").s()).isEqualTo("SUCCEEDED");

        await().atMost(WAIT).untilAsserted(() -> {
            List<String> lines = HTTP.send(HttpRequest.newBuilder(service.management().resolve("observe/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body().lines().toList();
            assertThat(lines).anyMatch(line -> line.startsWith("imageproc_images_succeeded_total ")
                    && Double.parseDouble(line.substring(line.indexOf(' ') + 1)) >= 1);
            assertThat(lines).anyMatch(line -> line.startsWith(
                    "imageproc_step_duration_seconds_count{step=\"make-thumbnail\"} "));
        });
    }

    @Test
    void aPngFailsWithItsReasonWhenOnlyJpegIsAccepted() {
        String id = UUID.randomUUID() + ".png";
        put(id, TestImages.png(TestImages.gradient(64, 48)));

        Map<String, AttributeValue> item = service.awaitFinal(id, WAIT);

        assertThat(item.get("status").s()).isEqualTo("FAILED");
        assertThat(item.get("error").s()).isEqualTo("NotSupportedImageType");
        assertThat(item.get("cause").s()).isEqualTo("PNG images are not supported; upload JPEG");
        assertThat(item.get("failedStep").s()).isEqualTo("check-image");
    }

    @Test
    void anAddedFileIsLoadedAndReloadedWhenItChanges() throws IOException {
        ProducerTemplate template = service.context().createProducerTemplate();
        assertThat(template.requestBody("direct:greet", null, String.class)).isEqualTo("first version");

        Files.writeString(directory.resolve("greet.yaml"), greeting("second version"));

        await().atMost(WAIT).ignoreExceptions()
                .until(() -> template.requestBody("direct:greet", null, String.class), "second version"::equals);
        assertThat(service.context().getRoute(FLOW)).as("the other routes keep running").isNotNull();
        assertThat(service.context().getRoute("consume-image-events")).isNotNull();
    }

    @Test
    void aMissingDirectoryStopsTheServiceWithItsKeyAndPath() {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> TestService.startWithLocalDetector(Map.of("imageproc.routes.dir", missing.toString())))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("imageproc.routes.dir (IMAGEPROC_ROUTES_DIR): " + missing.toAbsolutePath()
                        + " does not exist; fix it, or leave the key empty to run the built-in routes only");
    }

    @Test
    void aCopyOfTheFlowFromBeforeDecodeImageStopsTheServiceSayingWhatToAdd() throws IOException {
        Path old = Files.createDirectories(directory.resolve("before-decode-image"));
        String flow = BuiltInRoutes.processImageWith(Map.of());
        int decode = flow.indexOf("        - to:\n", flow.indexOf("uri: direct:store-metadata"));
        int multicast = flow.indexOf("        - multicast:");
        assertThat(flow.substring(decode, multicast)).contains("uri: direct:decode-image");
        // the copy keeps the step settings: only the decode step and the release of the bytes after it are cut
        Files.writeString(old.resolve("process-image.yaml"), flow.substring(0, decode) + flow.substring(multicast));
        String copy = Files.readString(old.resolve("process-image.yaml"));
        assertThat(copy).doesNotContain("decode-image").contains("direct:make-thumbnail");

        assertThatThrownBy(() -> TestService.startWithLocalDetector(Map.of("imageproc.routes.dir", old.toString())))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Route process-image (file:" + old.toAbsolutePath().resolve("process-image.yaml"))
                .hasMessageContaining("calls direct:detect-labels before direct:decode-image")
                .hasMessageContaining("to: {uri: direct:decode-image, variableReceive: working}");
    }

    private static void put(String id, byte[] bytes) {
        service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + id), RequestBody.fromBytes(bytes));
    }

    private static String greeting(String text) {
        return """
                - route:
                    id: greet-operator
                    from:
                      uri: direct:greet
                      steps:
                        - setBody:
                            constant: "%s"
                """.formatted(text);
    }

    private static List<Integer> sentSize(JsonNode request) {
        try {
            BufferedImage sent = TestImages.decode(request.path("Image").path("Bytes").binaryValue());
            return List.of(sent.getWidth(), sent.getHeight());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
