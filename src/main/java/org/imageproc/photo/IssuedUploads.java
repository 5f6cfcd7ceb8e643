package org.imageproc.photo;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imageproc.catalog.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The upload tickets issued for an album and not yet settled, kept on the album's item (map {@code uploads}, image id
 * to file name and expiry): after a reload the app shows which uploads arrived and which never did.
 */
public class IssuedUploads {

    private static final String UPLOADS = "uploads";
    /** A DynamoDB update names at most this many paths comfortably (expression size stays small). */
    private static final int FORGET_BATCH = 50;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public IssuedUploads(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Notes a ticket; the album exists (its caller read it). */
    public void record(String albumId, String imageId, String fileName, Instant expiresAt) {
        Map<String, AttributeValue> entry = new LinkedHashMap<>();
        entry.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.toEpochMilli())));
        if (fileName != null) {
            entry.put("fileName", AttributeValue.fromS(fileName));
        }
        AttributeValue value = AttributeValue.fromM(entry);
        try {
            update(albumId, "SET #u.#id = :t", Map.of("#u", UPLOADS, "#id", imageId), Map.of(":t", value));
        } catch (DynamoDbException e) {
            // an album without the map yet (created before it existed, or its first ticket): create it with the entry
            if (e instanceof ConditionalCheckFailedException || e.statusCode() != 400) {
                throw e;
            }
            update(albumId, "SET #u = if_not_exists(#u, :empty)", Map.of("#u", UPLOADS),
                    Map.of(":empty", AttributeValue.fromM(Map.of())));
            update(albumId, "SET #u.#id = :t", Map.of("#u", UPLOADS, "#id", imageId), Map.of(":t", value));
        }
    }

    /** The album's unsettled tickets by image id. */
    public Map<String, IssuedUpload> pending(String albumId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(albumId)).projectionExpression("#u").expressionAttributeNames(Map.of("#u", UPLOADS))).item();
        Map<String, IssuedUpload> pending = new LinkedHashMap<>();
        if (item != null && item.containsKey(UPLOADS) && item.get(UPLOADS).hasM()) {
            item.get(UPLOADS).m().forEach((imageId, value) -> {
                Map<String, AttributeValue> entry = value.m();
                pending.put(imageId, new IssuedUpload(imageId,
                        entry.containsKey("fileName") ? entry.get("fileName").s() : null,
                        Instant.ofEpochMilli(Long.parseLong(entry.get("expiresAt").n()))));
            });
        }
        return pending;
    }

    /** Settles tickets: their photos are in the album, or they are too old to matter. */
    public void forget(String albumId, Collection<String> imageIds) {
        List<String> ids = List.copyOf(imageIds);
        for (int from = 0; from < ids.size(); from += FORGET_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + FORGET_BATCH));
            Map<String, String> names = new LinkedHashMap<>(Map.of("#u", UPLOADS));
            StringBuilder removes = new StringBuilder();
            for (int i = 0; i < batch.size(); i++) {
                names.put("#i" + i, batch.get(i));
                removes.append(i == 0 ? "REMOVE " : ", ").append("#u.#i").append(i);
            }
            update(albumId, removes.toString(), names, Map.of());
        }
    }

    private void update(String albumId, String expression, Map<String, String> names,
            Map<String, AttributeValue> values) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(albumId)).updateExpression(expression)
                .conditionExpression("attribute_exists(#key)")
                .expressionAttributeNames(with(names, "#key", Tables.ALBUM_ID))
                .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    private static Map<String, String> with(Map<String, String> names, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(names);
        all.put(name, value);
        return all;
    }

    private static Map<String, AttributeValue> key(String albumId) {
        return Map.of(Tables.ALBUM_ID, AttributeValue.fromS(albumId));
    }
}
