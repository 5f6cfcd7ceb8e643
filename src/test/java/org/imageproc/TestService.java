package org.imageproc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.imageproc.aws.AwsClients;
import org.imageproc.labels.RekognitionResponder;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole service as users run it (local mode, embedded AWS stack), started once per test JVM on free ports with
 * a fresh data directory; label detection talks to a {@link RekognitionResponder} (which can fail on demand, by the
 * S3Object's key: imageproc.labels.image-source is s3-object unless a test says otherwise), or, from
 * {@link #startWithLocalDetector}, to the local detector as users get it (inline JPEG, the default).
 */
public final class TestService {

    public static final String BUCKET = "photo-repo";
    /**
     * Settings for {@link #start} under which the queue gives up on a failing event within about 20 s: one attempt
     * per delivery, a failed delivery back after 3 s, the dead-letter queue checked every second.
     */
    public static final Map<String, String> QUICK_DEAD_LETTERS = Map.of(
            "imageproc.sqs.visibility-timeout-seconds", "3",
            "imageproc.retry.max-redeliveries", "0",
            "imageproc.dead-letters.check-seconds", "1");

    private static TestService instance;

    private final Main main;
    private final RekognitionResponder rekognition;
    private final int webPort;
    private final int managementPort;

    private TestService(Main main, RekognitionResponder rekognition, int webPort, int managementPort) {
        this.main = main;
        this.rekognition = rekognition;
        this.webPort = webPort;
        this.managementPort = managementPort;
    }

    /** The running service, started on first use and stopped when the JVM exits. */
    public static synchronized TestService get() {
        if (instance == null) {
            instance = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** A separate instance with extra properties; the caller stops it. */
    public static TestService start(Map<String, String> properties) {
        return start(properties, RekognitionResponder.start());
    }

    /** A separate instance whose labels come from the local stack's own Rekognition endpoint; the caller stops it. */
    public static TestService startWithLocalDetector(Map<String, String> properties) {
        return start(properties, null);
    }

    private static TestService start(Map<String, String> properties, RekognitionResponder rekognition) {
        try {
            Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "run-");
            Main main = Application.camelMain();
            int webPort = freePort();
            main.addOverrideProperty("imageproc.web.port", Integer.toString(webPort));
            int managementPort = freePort();
            main.addOverrideProperty("imageproc.management.port", Integer.toString(managementPort));
            main.addOverrideProperty("imageproc.data-dir", dataDir.toString());
            main.addOverrideProperty("imageproc.local.s3-port", "0");
            main.addOverrideProperty("imageproc.local.sqs-port", "0");
            main.addOverrideProperty("imageproc.local.dynamodb-port", "0");
            main.addOverrideProperty("imageproc.local.rekognition-port", "0");
            if (rekognition != null) {
                main.addOverrideProperty("imageproc.aws.rekognition-endpoint", rekognition.endpoint().toString());
            }
            main.addOverrideProperty("imageproc.labels.enabled", "true");
            if (rekognition != null) {
                // the responder's faults are chosen by the object's key, which only the S3Object form names
                main.addOverrideProperty("imageproc.labels.image-source", "s3-object");
            }
            main.addOverrideProperty("imageproc.retry.delay-ms", "100");
            properties.forEach(main::addOverrideProperty);
            main.start();
            return new TestService(main, rekognition, webPort, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The service did not start", e);
        }
    }

    /** A free port on the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The web app's base URI, ending in a slash. */
    public URI web() {
        return URI.create("http://localhost:" + webPort + "/");
    }

    /** The management server's base URI (health, metrics, Jolokia under /observe), ending in a slash. */
    public URI management() {
        return URI.create("http://localhost:" + managementPort + "/");
    }

    public void stop() {
        try {
            main.stop();
        } finally {
            if (rekognition != null) {
                rekognition.close();
            }
        }
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public AwsClients aws() {
        return context().getRegistry().lookupByNameAndType("awsClients", AwsClients.class);
    }

    public S3Client s3() {
        return aws().s3();
    }

    public SqsClient sqs() {
        return aws().sqs();
    }

    public DynamoDbClient dynamoDb() {
        return aws().dynamoDb();
    }

    /** The test stand-in for Rekognition; null for a service that uses the local detector. */
    public RekognitionResponder rekognition() {
        return rekognition;
    }

    /** The image's item in ImageMetadata, read consistently; empty when there is none. */
    public Map<String, AttributeValue> item(String imageId) {
        return dynamoDb().getItem(r -> r.tableName("ImageMetadata")
                .key(Map.of("imageID", AttributeValue.fromS(imageId))).consistentRead(true)).item();
    }

    /** Waits until the image's run reached SUCCEEDED or FAILED, and returns its item. */
    public Map<String, AttributeValue> awaitFinal(String imageId, Duration atMost) {
        Awaitility.await().atMost(atMost).until(() -> {
            Map<String, AttributeValue> item = item(imageId);
            return item.containsKey("status") && !"RUNNING".equals(item.get("status").s());
        });
        return item(imageId);
    }

    /**
     * Waits until the image's item is SUCCEEDED, through any FAILED a retry is to replace (a delivery that failed
     * while a service was away), and returns it.
     */
    public Map<String, AttributeValue> awaitSucceeded(String imageId, Duration atMost) {
        Awaitility.await().atMost(atMost).until(() -> {
            AttributeValue status = item(imageId).get("status");
            return status != null && "SUCCEEDED".equals(status.s());
        });
        return item(imageId);
    }

    /** Messages in the queue, visible or in flight. */
    public int queueDepth(String queue) {
        String url = sqs().getQueueUrl(r -> r.queueName(queue)).queueUrl();
        Map<QueueAttributeName, String> attributes = sqs().getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
