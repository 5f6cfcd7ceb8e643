package org.imageproc.aws;

import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Which stored uploads already have a final item for their ETag; the local stack's startup sweep announces the others
 * again. The product knows its items; the stack passes its own DynamoDB client.
 */
@FunctionalInterface
public interface UploadLedger {

    /** The keys among {@code eTagByKey} (object key to ETag without quotes) whose upload ended SUCCEEDED or FAILED. */
    Set<String> finishedKeys(DynamoDbClient dynamoDb, Map<String, String> eTagByKey);
}
