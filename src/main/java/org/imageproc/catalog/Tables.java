package org.imageproc.catalog;

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

    public static final String ALBUM_METADATA = "AlbumMetadata";
    public static final String ALBUM_ID = "albumID";
    public static final String USER_INDEX = "userID-creationTime-index";

    public static final String JOBS = "Jobs";
    public static final String JOB_ID = "jobId";

    private Tables() {
    }

    /**
     * Every table, named as configured (the defaults are {@link #IMAGE_METADATA}, {@link #ALBUM_METADATA} and
     * {@link #JOBS}).
     */
    public static List<CreateTableRequest> definitions(String imageTable, String albumTable, String jobTable) {
        return List.of(
                table(imageTable, IMAGE_ID, ALBUM_INDEX, "albumID", "uploadTime"),
                table(albumTable, ALBUM_ID, USER_INDEX, "userID", "creationTime"),
                CreateTableRequest.builder()
                        .tableName(jobTable)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attribute(JOB_ID, ScalarAttributeType.S))
                        .keySchema(key(JOB_ID, KeyType.HASH))
                        .build());
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

    private static CreateTableRequest table(String name, String hashKey, String index, String indexHash, String indexRange) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(hashKey, ScalarAttributeType.S),
                        attribute(indexHash, ScalarAttributeType.S),
                        attribute(indexRange, ScalarAttributeType.N))
                .keySchema(key(hashKey, KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(index)
                        .keySchema(key(indexHash, KeyType.HASH), key(indexRange, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
