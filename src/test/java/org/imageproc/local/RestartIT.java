package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.imageproc.aws.LocalStackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Data survives a stop and start on the same data directory; a stop, or a failed start, leaves nothing running. */
class RestartIT {

    private static final String BUCKET = "photo-repo";
    private static final Map<String, AttributeValue> ITEM = Map.of(
            "imageID", AttributeValue.fromS("img-1"),
            "albumID", AttributeValue.fromS("album-1"),
            "uploadTime", AttributeValue.fromN("1700000000"));

    @TempDir
    Path dataDir;

    @Test
    void objectsMessagesAndItemsSurviveARestart() throws Exception {
        LocalStackSettings free = StackClients.onFreePorts(dataDir);
        // queues of its own: a stack that another test left running in this JVM persists into the newest stack's H2
        LocalStackSettings settings = new LocalStackSettings(dataDir, free.host(), 0, 0, 0, free.accessKey(),
                free.secretKey(), free.region(), free.bucket(), free.incomingPrefix(), "restart-events",
                "restart-events-dlq", free.tables());
        try (LocalAwsStack stack = StackClients.start(settings);
                S3Client s3 = StackClients.s3(stack);
                SqsClient sqs = StackClients.sqs(stack);
                DynamoDbClient dynamoDb = StackClients.dynamoDb(stack)) {
            s3.putObject(request -> request.bucket(BUCKET).key("Incoming/kept.jpg"), RequestBody.fromString("kept"));
            sqs.sendMessage(request -> request.queueUrl(stack.queueUrl()).messageBody("sent by hand"));
            dynamoDb.putItem(request -> request.tableName("ImageMetadata").item(ITEM));
        }

        try (LocalAwsStack stack = StackClients.start(settings);
                S3Client s3 = StackClients.s3(stack);
                SqsClient sqs = StackClients.sqs(stack);
                DynamoDbClient dynamoDb = StackClients.dynamoDb(stack)) {
            assertThat(s3.getObjectAsBytes(request -> request.bucket(BUCKET).key("Incoming/kept.jpg")).asUtf8String())
                    .isEqualTo("kept");
            assertThat(receiveAll(sqs, stack.queueUrl())).extracting(Message::body).satisfiesExactlyInAnyOrder(
                    body -> assertThat(body).contains("\"key\":\"Incoming/kept.jpg\"", "ObjectCreated:Put"),
                    body -> assertThat(body).isEqualTo("sent by hand"));
            assertThat(dynamoDb.getItem(request -> request.tableName("ImageMetadata")
                    .key(Map.of("imageID", AttributeValue.fromS("img-1")))).item()).isEqualTo(ITEM);
        }
    }

    @Test
    void everyOpaqueKeySurvivesARestart() {
        LocalStackSettings settings = StackClients.onFreePorts(dataDir);
        List<String> keys = OpaqueKeysIT.WEIRD_KEYS;
        try (LocalAwsStack stack = StackClients.start(settings); S3Client s3 = StackClients.s3(stack)) {
            s3.createBucket(request -> request.bucket("opaque-keys"));
            for (String key : keys) {
                s3.putObject(request -> request.bucket("opaque-keys").key(key), RequestBody.fromString("object " + key));
            }
        }

        try (LocalAwsStack stack = StackClients.start(settings); S3Client s3 = StackClients.s3(stack)) {
            for (String key : keys) {
                assertThat(s3.getObjectAsBytes(request -> request.bucket("opaque-keys").key(key)).asUtf8String())
                        .as(key).isEqualTo("object " + key);
            }
            assertThat(OpaqueKeysIT.listAll(s3, "opaque-keys")).containsExactlyElementsOf(
                    OpaqueKeysIT.inS3Order(keys));
        }
    }

    @Test
    void aStackKeepsPersistingWhenAnotherInTheJvmStops(@TempDir Path otherDataDir) throws Exception {
        LocalStackSettings settings = StackClients.onFreePorts(dataDir);
        try (LocalAwsStack stack = StackClients.start(settings); SqsClient sqs = StackClients.sqs(stack)) {
            StackClients.start(StackClients.onFreePorts(otherDataDir)).close();
            sqs.sendMessage(request -> request.queueUrl(stack.queueUrl()).messageBody("after the other stopped"));
        }

        try (LocalAwsStack stack = StackClients.start(settings); SqsClient sqs = StackClients.sqs(stack)) {
            assertThat(receiveAll(sqs, stack.queueUrl())).extracting(Message::body)
                    .containsExactly("after the other stopped");
        }
    }

    @Test
    void closeStopsNodeAndEveryServerThread() {
        Leftovers leftovers = new Leftovers();
        LocalAwsStack stack = StackClients.start(StackClients.onFreePorts(dataDir));
        ProcessHandle dynalite = ProcessHandle.of(stack.dynamoDbPid()).orElseThrow();
        assertThat(dynalite.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("node"));
        assertThat(leftovers.newThreads()).isNotEmpty();

        stack.close();
        stack.close();

        assertThat(dynalite.isAlive()).isFalse();
        leftovers.assertNoneRemain();
    }

    @Test
    void aFailedStartStopsWhatDidStart() throws Exception {
        Leftovers leftovers = new Leftovers();
        // S3 cannot make its folder, while SQS and DynamoDB start beside it
        Files.writeString(dataDir.resolve(S3Server.OBJECTS_DIR), "a file where the S3 folder goes");

        assertThatThrownBy(() -> StackClients.start(StackClients.onFreePorts(dataDir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The local AWS stack did not start: FileAlreadyExistsException: " + dataDir.resolve(S3Server.OBJECTS_DIR));
        leftovers.assertNoneRemain();
    }

    private static List<Message> receiveAll(SqsClient sqs, String queueUrl) {
        return sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
    }
}
