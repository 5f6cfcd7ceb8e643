package org.imageproc.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imageproc.aws.LocalStackSettings;
import org.imageproc.run.S3EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Makes what the service expects exist, the tables and the bucket notification; each start runs it again. */
final class Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);

    private Provisioning() {
    }

    /**
     * Points S3's notification at the event queue (ElasticMQ itself creates both queues) and returns the publisher,
     * which knows the queue's URL.
     */
    static S3EventPublisher notifications(LocalStackSettings settings, S3Server s3, SqsClient sqs) {
        String queueUrl = sqs.getQueueUrl(request -> request.queueName(settings.queue())).queueUrl();
        S3EventPublisher publisher = new S3EventPublisher(sqs, queueUrl,
                new S3EventJson(settings.region(), settings.accessKey()));
        s3.notifyTo(new Notification(settings.bucket(), settings.incomingPrefix(), publisher));
        return publisher;
    }

    /**
     * Creates the tables that do not exist yet, rebuilds one that lacks an index the service now declares (with
     * every item it holds), and waits until all are ACTIVE.
     */
    static void tables(LocalStackSettings settings, int port) {
        try (DynamoDbClient dynamoDb = LocalClients.dynamoDb(settings, LocalAwsStack.endpoint(settings.host(), port))) {
            tables(dynamoDb, settings.tables());
        }
    }

    private static void tables(DynamoDbClient dynamoDb, List<CreateTableRequest> tables) {
        Set<String> existing = new HashSet<>(dynamoDb.listTables().tableNames());
        for (CreateTableRequest table : tables) {
            if (!existing.contains(table.tableName())) {
                dynamoDb.createTable(table);
                LOG.info("Created DynamoDB table {}", table.tableName());
            } else if (lacksIndex(dynamoDb, table)) {
                rebuild(dynamoDb, table);
            }
        }
        try (DynamoDbWaiter waiter = waiter(dynamoDb)) {
            for (CreateTableRequest table : tables) {
                waiter.waitUntilTableExists(request -> request.tableName(table.tableName()));
            }
        }
    }

    private static DynamoDbWaiter waiter(DynamoDbClient dynamoDb) {
        return DynamoDbWaiter.builder().client(dynamoDb)
                .overrideConfiguration(config -> config.maxAttempts(200)
                        .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50))))
                .build();
    }

    private static boolean lacksIndex(DynamoDbClient dynamoDb, CreateTableRequest table) {
        Set<String> present = new HashSet<>(dynamoDb.describeTable(r -> r.tableName(table.tableName())).table()
                .globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).toList());
        return !table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName).allMatch(present::contains);
    }

    // dynalite cannot add an index to a table: the table is made again, and its items put back
    private static void rebuild(DynamoDbClient dynamoDb, CreateTableRequest table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(r -> r.tableName(table.tableName())).items().forEach(items::add);
        dynamoDb.deleteTable(r -> r.tableName(table.tableName()));
        try (DynamoDbWaiter waiter = waiter(dynamoDb)) {
            waiter.waitUntilTableNotExists(r -> r.tableName(table.tableName()));
        }
        dynamoDb.createTable(table);
        for (int from = 0; from < items.size(); from += 25) {
            Map<String, List<WriteRequest>> writes = Map.of(table.tableName(), items.subList(from,
                    Math.min(items.size(), from + 25)).stream().map(item -> WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build()).build()).toList());
            while (!writes.isEmpty()) {
                Map<String, List<WriteRequest>> unwritten = writes;
                writes = dynamoDb.batchWriteItem(r -> r.requestItems(unwritten)).unprocessedItems();
            }
        }
        LOG.info("Rebuilt DynamoDB table {} with its new indexes ({} items kept)", table.tableName(), items.size());
    }
}
