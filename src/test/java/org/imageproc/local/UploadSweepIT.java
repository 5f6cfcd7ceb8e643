package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.imageproc.run.S3EventJson;
import org.imageproc.aws.LocalStackSettings;
import org.imageproc.catalog.FinishedUploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The startup sweep over real servers: after a restart it announces again exactly the uploads without a final item
 * for their ETag; it lets events still queued go first, and waits for an untouched queue only its patience.
 */
class UploadSweepIT {

    private static final String BUCKET = "photo-repo";

    @TempDir
    Path dataDir;

    @Test
    void aRestartAnnouncesAgainTheUploadsWithoutAFinalItemForTheirETag() throws Exception {
        LocalStackSettings settings = StackClients.onFreePorts(dataDir);
        try (LocalAwsStack stack = StackClients.start(settings);
                S3Client s3 = StackClients.s3(stack);
                SqsClient sqs = StackClients.sqs(stack);
                DynamoDbClient dynamoDb = StackClients.dynamoDb(stack)) {
            put(s3, "Incoming/no-item.jpg", "no item");
            item(dynamoDb, "done.jpg", put(s3, "Incoming/done.jpg", "done"), "SUCCEEDED");
            item(dynamoDb, "rejected.gif", put(s3, "Incoming/rejected.gif", "rejected"), "FAILED");
            item(dynamoDb, "replaced.jpg", put(s3, "Incoming/replaced.jpg", "first upload"), "SUCCEEDED");
            put(s3, "Incoming/replaced.jpg", "second upload");
            item(dynamoDb, "running.jpg", put(s3, "Incoming/running.jpg", "running"), "RUNNING");
            put(s3, "Thumbnails/done.jpg", "not an upload");
            // as if the process died before the events reached the queue's disk
            assertThat(StackClients.drainRecords(sqs, stack.queueUrl())).hasSize(6);
        }

        try (LocalAwsStack stack = StackClients.start(settings); SqsClient sqs = StackClients.sqs(stack)) {
            List<JsonNode> announced = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                announced.addAll(StackClients.drainRecords(sqs, stack.queueUrl()));
                assertThat(announced).extracting(UploadSweepIT::key)
                        .containsExactlyInAnyOrder("Incoming/no-item.jpg", "Incoming/replaced.jpg",
                                "Incoming/running.jpg");
            });
            JsonNode replaced = announced.stream().filter(record -> key(record).equals("Incoming/replaced.jpg"))
                    .findFirst().orElseThrow();
            assertThat(replaced.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
            assertThat(replaced.path("s3").path("object").path("eTag").asText()).isEqualTo(eTag("second upload"));
            assertThat(replaced.path("s3").path("object").path("size").asLong()).isEqualTo(13);
        }
    }

    @Test
    void eventsStillQueuedGoFirstSoThatNothingIsProcessedTwice() throws Exception {
        try (LocalAwsStack stack = StackClients.start(StackClients.onFreePorts(dataDir));
                S3Client s3 = StackClients.s3(stack);
                SqsClient sqs = StackClients.sqs(stack);
                DynamoDbClient dynamoDb = StackClients.dynamoDb(stack)) {
            String eTag = put(s3, "Incoming/queued.jpg", "queued");
            Thread sweep = new Thread(sweep(stack, s3, dynamoDb, sqs, Duration.ofMinutes(1)));
            sweep.start();
            // a consumer takes the event and processes the upload while the sweep waits
            Message event = sqs.receiveMessage(r -> r.queueUrl(stack.queueUrl()).waitTimeSeconds(5)).messages().get(0);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(sweep::isAlive);
            item(dynamoDb, "queued.jpg", eTag, "SUCCEEDED");
            sqs.deleteMessage(r -> r.queueUrl(stack.queueUrl()).receiptHandle(event.receiptHandle()));

            await().atMost(Duration.ofSeconds(10)).until(() -> !sweep.isAlive());
            assertThat(sqs.receiveMessage(r -> r.queueUrl(stack.queueUrl()).waitTimeSeconds(1)).messages()).isEmpty();
        }
    }

    @Test
    void aQueueNobodyConsumesIsWaitedForOnlyThePatience() throws Exception {
        try (LocalAwsStack stack = StackClients.start(StackClients.onFreePorts(dataDir));
                S3Client s3 = StackClients.s3(stack);
                SqsClient sqs = StackClients.sqs(stack);
                DynamoDbClient dynamoDb = StackClients.dynamoDb(stack)) {
            put(s3, "Incoming/waiting.jpg", "waiting");

            sweep(stack, s3, dynamoDb, sqs, Duration.ofSeconds(2)).run();

            assertThat(StackClients.drainRecords(sqs, stack.queueUrl())).extracting(UploadSweepIT::key)
                    .containsExactly("Incoming/waiting.jpg", "Incoming/waiting.jpg");
        }
    }

    private static UploadSweep sweep(LocalAwsStack stack, S3Client s3, DynamoDbClient dynamoDb, SqsClient sqs,
            Duration patience) {
        return new UploadSweep(stack.settings(), s3, dynamoDb, sqs,
                new S3EventPublisher(sqs, stack.queueUrl(), new S3EventJson("us-east-1", "test")), patience,
                new FinishedUploads("ImageMetadata", "Incoming/")::finishedKeys);
    }

    /** Puts the object and returns its ETag without quotes. */
    private static String put(S3Client s3, String key, String content) {
        return s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(content)).eTag().replace("\"", "");
    }

    private static void item(DynamoDbClient dynamoDb, String imageId, String eTag, String status) {
        dynamoDb.putItem(r -> r.tableName("ImageMetadata").item(Map.of(
                "imageID", AttributeValue.fromS(imageId),
                "eTag", AttributeValue.fromS(eTag),
                "status", AttributeValue.fromS(status))));
    }

    private static String eTag(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8)));
    }


    private static String key(JsonNode record) {
        return record.path("s3").path("object").path("key").asText();
    }
}
