package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.imageproc.aws.LocalStackSettings;
import org.imageproc.catalog.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What a fresh start provisions, checked through the AWS APIs, and how the S3 endpoint admits clients. */
class ProvisioningIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static LocalAwsStack stack;
    static LocalStackSettings settings;

    @BeforeAll
    static void start() {
        settings = StackClients.onFreePorts(dataDir);
        stack = StackClients.start(settings);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void queueHasItsDeadLetterQueueAndVisibilityTimeout() throws Exception {
        try (SqsClient sqs = StackClients.sqs(stack)) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request
                    .queueUrl(stack.queueUrl()).attributeNames(QueueAttributeName.ALL)).attributes();

            assertThat(stack.queueUrl()).isEqualTo(stack.sqsEndpoint() + "/000000000000/image-events");
            assertThat(attributes).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "30");
            JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
            assertThat(redrive.path("deadLetterTargetArn").asText())
                    .isEqualTo("arn:aws:sqs:us-east-1:000000000000:image-events-dlq");
            assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
            assertThat(sqs.getQueueUrl(request -> request.queueName("image-events-dlq")).queueUrl())
                    .endsWith("/000000000000/image-events-dlq");
        }
    }

    @Test
    void everyTableIsActiveWithItsIndexes() {
        try (DynamoDbClient dynamoDb = StackClients.dynamoDb(stack)) {
            assertThat(settings.tables()).extracting(CreateTableRequest::tableName)
                    .containsExactly("ImageMetadata", "AlbumMetadata", "PhotoLabels", "Jobs");
            settings.tables().forEach(table -> assertTable(dynamoDb, table));
        }
    }

    @Test
    void aTableFromBeforeAnIndexWasAddedIsRebuiltWithItsItems() {
        try (DynamoDbClient dynamoDb = StackClients.dynamoDb(stack)) {
            CreateTableRequest current = settings.tables().get(0);
            dynamoDb.deleteTable(r -> r.tableName(current.tableName()));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> !dynamoDb.listTables().tableNames().contains(current.tableName()));
            // as it was before the failures index: only the album index, and only the attributes keys use
            dynamoDb.createTable(current.toBuilder()
                    .attributeDefinitions(current.attributeDefinitions().subList(0, 3))
                    .globalSecondaryIndexes(current.globalSecondaryIndexes().get(0)).build());
            for (int i = 0; i < 30; i++) {
                String id = "old-" + i;
                dynamoDb.putItem(r -> r.tableName(current.tableName()).item(Map.of(Tables.IMAGE_ID,
                        AttributeValue.fromS(id), "albumID", AttributeValue.fromS("u/a"),
                        "uploadTime", AttributeValue.fromN("1700000000"), "status", AttributeValue.fromS("SUCCEEDED"))));
            }

            Provisioning.tables(settings, stack.dynamoDbEndpoint().getPort());

            assertTable(dynamoDb, current);
            assertThat(dynamoDb.scanPaginator(r -> r.tableName(current.tableName())).items().stream()
                    .map(item -> item.get(Tables.IMAGE_ID).s())).hasSize(30).contains("old-0", "old-29");
            assertThat(dynamoDb.getItem(r -> r.tableName(current.tableName())
                    .key(Map.of(Tables.IMAGE_ID, AttributeValue.fromS("old-7")))).item())
                    .containsEntry("status", AttributeValue.fromS("SUCCEEDED"));
        }
    }

    @Test
    void s3AcceptsOnlyTheLocalCredentials() {
        try (S3Client s3 = StackClients.s3(stack);
                S3Client stranger = S3Client.builder().endpointOverride(stack.s3Endpoint()).forcePathStyle(true)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "x")))
                        .httpClientBuilder(ApacheHttpClient.builder())
                        .build()) {
            assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name()).containsExactly("photo-repo");
            assertThatThrownBy(stranger::listBuckets).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void browsersMayPutThroughPresignedUrls() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI object = stack.s3Endpoint().resolve("/photo-repo/Incoming/b.jpg");
        HttpResponse<Void> preflight = http.send(HttpRequest.newBuilder(object)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.discarding());
        URI presigned;
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(stack.s3Endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build()) {
            presigned = presigner.presignPutObject(request -> request.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(put -> put.bucket("photo-repo").key("Incoming/b.jpg"))).url().toURI();
        }
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(presigned)
                .PUT(HttpRequest.BodyPublishers.ofString("browser"))
                .header("Origin", "http://localhost:5173")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValueSatisfying(
                origin -> assertThat(origin).isIn("*", "http://localhost:5173"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("PUT"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        try (S3Client s3 = StackClients.s3(stack)) {
            assertThat(s3.getObjectAsBytes(request -> request.bucket("photo-repo").key("Incoming/b.jpg")).asUtf8String())
                    .isEqualTo("browser");
        }
    }

    /** The table as it runs against its description in Tables: keys, billing, and each index's keys. */
    private static void assertTable(DynamoDbClient dynamoDb, CreateTableRequest expected) {
        TableDescription table = dynamoDb.describeTable(request -> request.tableName(expected.tableName())).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.keySchema()).isEqualTo(expected.keySchema());
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName,
                        GlobalSecondaryIndexDescription::keySchema)
                .containsExactlyInAnyOrderElementsOf(expected.globalSecondaryIndexes().stream()
                        .map(index -> tuple(index.indexName(), index.keySchema())).toList());
    }
}
