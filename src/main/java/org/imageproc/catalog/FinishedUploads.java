package org.imageproc.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imageproc.run.RunStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Finds the uploads whose item is final (SUCCEEDED or FAILED) for their ETag, and what the items of stored objects
 * say: BatchGetItem, a hundred keys a call.
 */
public final class FinishedUploads {

    /**
     * What an object's item says: the upload it describes ({@code eTag}, {@code version}) and whether its run
     * ended for good (SUCCEEDED, or FAILED for a reason retrying cannot fix or after the queue gave up).
     */
    public record UploadState(String eTag, String version, boolean settled) {
    }

    private static final int BATCH_GET_LIMIT = 100;

    private final String table;
    private final String incomingPrefix;

    public FinishedUploads(String table, String incomingPrefix) {
        this.table = table;
        this.incomingPrefix = incomingPrefix;
    }

    /** The keys, among {@code eTagByKey} (object key to ETag without quotes), whose item is final for that ETag. */
    public Set<String> finishedKeys(DynamoDbClient dynamoDb, Map<String, String> eTagByKey) {
        List<String> keys = new ArrayList<>(eTagByKey.keySet());
        Set<String> finished = new HashSet<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT));
            for (Map<String, AttributeValue> item : items(dynamoDb, batch)) {
                String key = incomingPrefix + item.get(Tables.IMAGE_ID).s();
                if (isFinalFor(item, eTagByKey.get(key))) {
                    finished.add(key);
                }
            }
        }
        return finished;
    }

    /** The items of these object keys that exist, by object key. */
    public Map<String, UploadState> states(DynamoDbClient dynamoDb, List<String> objectKeys) {
        Map<String, UploadState> states = new HashMap<>();
        for (int from = 0; from < objectKeys.size(); from += BATCH_GET_LIMIT) {
            for (Map<String, AttributeValue> item : items(dynamoDb,
                    objectKeys.subList(from, Math.min(objectKeys.size(), from + BATCH_GET_LIMIT)))) {
                states.put(incomingPrefix + item.get(Tables.IMAGE_ID).s(), new UploadState(ItemReads.text(item, "eTag"),
                        ItemReads.text(item, "objectVersion"), ItemReads.settled(item)));
            }
        }
        return states;
    }

    private List<Map<String, AttributeValue>> items(DynamoDbClient dynamoDb, List<String> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                .keys(keys.stream().map(key -> Map.of(Tables.IMAGE_ID,
                        AttributeValue.fromS(key.substring(incomingPrefix.length())))).toList())
                .projectionExpression("#id, eTag, #status, objectVersion, retryable, deadLetter")
                .expressionAttributeNames(Map.of("#id", Tables.IMAGE_ID, "#status", "status"))
                .consistentRead(true)
                .build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> unread = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(unread));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys();
        }
        return items;
    }

    private static boolean isFinalFor(Map<String, AttributeValue> item, String eTag) {
        AttributeValue stored = item.get("eTag");
        AttributeValue status = item.get("status");
        return eTag != null && stored != null && eTag.equals(stored.s()) && status != null
                && (RunStatus.SUCCEEDED.is(status.s()) || RunStatus.FAILED.is(status.s()));
    }
}
