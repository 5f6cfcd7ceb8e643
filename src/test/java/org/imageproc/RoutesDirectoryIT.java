package org.imageproc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imageproc.testing.BuiltInRoutes;
import org.imageproc.testing.ServiceJar;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The packaged jar, unchanged, run with a routes directory given by IMAGEPROC_ROUTES_DIR: a copy of process-image.yaml
 * that makes 128-pixel thumbnails, and the example announce-success.yaml that sends every SUCCEEDED image to a second
 * SQS queue.
 */
class RoutesDirectoryIT {

    private static final String ANNOUNCE_QUEUE = "image-succeeded";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void routesFromTheDirectoryChangeTheThumbnailSizeAndAnnounceEachSuccessOnASecondQueue() throws Exception {
        Path routes = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "jar-routes-");
        Files.writeString(routes.resolve("process-image.yaml"),
                BuiltInRoutes.processImageWith(Map.of("imageproc.thumbnail.max-size", "128")));
        Files.copy(Path.of("docs", "routes-examples", "announce-success.yaml"),
                routes.resolve("announce-success.yaml"));

        try (ServiceJar jar = ServiceJar.start(Map.of("imageproc.labels.enabled", "false"), Map.of(
                "IMAGEPROC_ROUTES_DIR", routes.toAbsolutePath().toString(),
                "IMAGEPROC_ANNOUNCE_QUEUE", ANNOUNCE_QUEUE,
                "IMAGEPROC_ANNOUNCE_AUTO_CREATE_QUEUE", "true"))) {
            assertThat(jar.isAlive()).as(jar.tail()).isTrue();
            assertThat(jar.output()).anyMatch(line -> line.contains("Route file process-image.yaml from file:"
                    + routes.toAbsolutePath().resolve("process-image.yaml") + " (replaces the built-in file)"));
            jar.s3().putObject(r -> r.bucket("photo-repo").key("Incoming/routes.jpg"),
                    RequestBody.fromBytes(TestImages.jpeg(1200, 900)));

            Map<String, AttributeValue> item = jar.awaitFinal("routes.jpg", Duration.ofSeconds(30));
            assertThat(item.get("status").s()).as(item + "\n" + jar.tail()).isEqualTo("SUCCEEDED");
            BufferedImage thumbnail = TestImages.decode(jar.s3().getObjectAsBytes(
                    r -> r.bucket("photo-repo").key("Thumbnails/routes.jpg")).asByteArray());
            assertThat(thumbnail.getWidth()).isEqualTo(128);
            assertThat(thumbnail.getHeight()).isEqualTo(96);

            Message announced = await().atMost(Duration.ofSeconds(30))
                    .until(() -> receive(jar.sqs()), Optional::isPresent).orElseThrow();
            JsonNode body = JSON.readTree(announced.body());
            assertThat(body.path("imageId").asText()).isEqualTo("routes.jpg");
            assertThat(body.path("key").asText()).isEqualTo("Incoming/routes.jpg");
            assertThat(body.path("thumbnailKey").asText()).isEqualTo("Thumbnails/routes.jpg");
            assertThat(jar.item("routes.jpg").get("steps").m().get("announce-success").m().get("status").s())
                    .isEqualTo("SUCCEEDED");
        }
    }

    private static Optional<Message> receive(SqsClient sqs) {
        try {
            String url = sqs.getQueueUrl(r -> r.queueName(ANNOUNCE_QUEUE)).queueUrl();
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages();
            return messages.stream().findFirst();
        } catch (QueueDoesNotExistException e) {
            return Optional.empty();
        }
    }
}
