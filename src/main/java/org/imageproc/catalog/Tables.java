package org.imageproc.catalog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The one description of the service's DynamoDB tables: local provisioning, tests and the AWS template use it. */
public final class Tables {

    public static final String IMAGE_METADATA = "ImageMetadata";
    public static final String IMAGE_ID = "imageID";
    public static final String ALBUM_INDEX = "albumID-uploadTime-index";
    /** Sparse: only items that are FAILED have {@code failedAt}. */
    public static final String FAILED_INDEX = "userID-failedAt-index";

    public static final String ALBUM_METADATA = "AlbumMetadata";
    public static final String ALBUM_ID = "albumID";
    public static final String USER_INDEX = "userID-creationTime-index";

    /** Search by content: a user's photos under each label, and the user's labels with counts (see LabelIndex). */
    public static final String PHOTO_LABELS = "PhotoLabels";
    public static final String PK = "pk";
    public static final String SK = "sk";
    /** A label's photos, newest upload first: only label entries have {@code uploadTime}. */
    public static final String LABEL_INDEX = "pk-uploadTime-index";
    /** An image's label entries, to take them away: only label entries have {@code imageID}. */
    public static final String IMAGE_LABELS_INDEX = "imageID-index";
    /** One item per job (reprocess, backfill, album deletion) and its counter items (see job.Jobs). */
    public static final String JOBS = "Jobs";
    public static final String JOB_ID = "jobId";

    private Tables() {
    }

    /** The tables, named as configured (the defaults are the constants above). */
    public static List<CreateTableRequest> definitions(String imageTable, String albumTable, String labelTable,
            String jobTable) {
        return List.of(
                table(imageTable, Map.of(IMAGE_ID, ScalarAttributeType.S),
                        index(ALBUM_INDEX, "albumID", "uploadTime"), index(FAILED_INDEX, "userID", "failedAt")),
                table(albumTable, Map.of(ALBUM_ID, ScalarAttributeType.S),
                        index(USER_INDEX, "userID", "creationTime")),
                table(labelTable, orderedKeys(PK, SK),
                        index(LABEL_INDEX, PK, "uploadTime"), index(IMAGE_LABELS_INDEX, IMAGE_ID, null)),
                table(jobTable, Map.of(JOB_ID, ScalarAttributeType.S)));
    }

    /** The items of one partition of a table's index, newest (highest range key) first. */
    public static Stream<Map<String, AttributeValue>> newestFirst(DynamoDbClient dynamoDb, String table, String index,
            String hashKey, String value) {
        return dynamoDb.queryPaginator(r -> r.tableName(table).indexName(index)
                        .keyConditionExpression("#k = :v")
                        .expressionAttributeNames(Map.of("#k", hashKey))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)))
                        .scanIndexForward(false))
                .items().stream();
    }

    private static Map<String, ScalarAttributeType> orderedKeys(String hash, String range) {
        Map<String, ScalarAttributeType> keys = new LinkedHashMap<>();
        keys.put(hash, ScalarAttributeType.S);
        keys.put(range, ScalarAttributeType.S);
        return keys;
    }

    /** An index with a string hash key and, unless null, a number range key. */
    private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(rangeKey == null ? List.of(key(hashKey, KeyType.HASH))
                        : List.of(key(hashKey, KeyType.HASH), key(rangeKey, KeyType.RANGE)))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    /** @param keys the table's key attributes, hash key first, each with its type */
    private static CreateTableRequest table(String name, Map<String, ScalarAttributeType> keys,
            GlobalSecondaryIndex... indexes) {
        Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>(keys);
        for (GlobalSecondaryIndex index : indexes) {
            KeySchemaElement hash = index.keySchema().get(0);
            attributes.putIfAbsent(hash.attributeName(), ScalarAttributeType.S);
            index.keySchema().stream().skip(1)
                    .forEach(range -> attributes.putIfAbsent(range.attributeName(), ScalarAttributeType.N));
        }
        List<String> tableKeys = List.copyOf(keys.keySet());
        CreateTableRequest.Builder table = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes.entrySet().stream()
                        .map(a -> attribute(a.getKey(), a.getValue())).toList())
                .keySchema(tableKeys.size() == 1 ? List.of(key(tableKeys.get(0), KeyType.HASH))
                        : List.of(key(tableKeys.get(0), KeyType.HASH), key(tableKeys.get(1), KeyType.RANGE)));
        return indexes.length == 0 ? table.build() : table.globalSecondaryIndexes(Arrays.asList(indexes)).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
