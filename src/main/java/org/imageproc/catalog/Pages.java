package org.imageproc.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads one partition of a table or index a page at a time, newest (highest range key) first, with the opaque
 * cursors of {@link Cursors}. It asks for one item more than the page holds, so the last page says so (no cursor)
 * rather than handing out a cursor to an empty page.
 *
 * @param table    the table's name
 * @param index    the index, or null for the table itself
 * @param keyNames the attributes of a LastEvaluatedKey of that table or index: the table's key and the index's
 * @param hashKey  the partition's attribute (of the index when there is one)
 */
public record Pages(DynamoDbClient dynamoDb, String table, String index, Set<String> keyNames, String hashKey) {

    /**
     * One page of the partition {@code hashValue}; {@code list} names the list the cursors belong to (with the
     * partition, it makes their scope).
     */
    public Page<Map<String, AttributeValue>> newestFirst(String list, String hashValue, PageRequest request) {
        String scope = list + "\n" + hashValue;
        Map<String, AttributeValue> start = request.cursor() == null ? null
                : Cursors.decode(request.cursor(), scope, keyNames, hashKey, hashValue);
        QueryResponse response;
        try {
            response = dynamoDb.query(r -> r.tableName(table).indexName(index)
                    .keyConditionExpression("#k = :v")
                    .expressionAttributeNames(Map.of("#k", hashKey))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(hashValue)))
                    .scanIndexForward(false)
                    .exclusiveStartKey(start)
                    .limit(request.limit() + 1));
        } catch (DynamoDbException e) {
            if (start != null && e.statusCode() == 400) {
                // DynamoDB refuses a start key that is well formed but of no item it could have handed out
                throw new BadCursorException();
            }
            throw e;
        }
        List<Map<String, AttributeValue>> items = response.items();
        if (items.size() > request.limit()) {
            List<Map<String, AttributeValue>> page = items.subList(0, request.limit());
            return new Page<>(page, Cursors.encode(scope, keyOf(page.get(page.size() - 1))));
        }
        // fewer items than asked for with a key: DynamoDB stopped at its 1 MB a query
        return new Page<>(items, response.hasLastEvaluatedKey() ? Cursors.encode(scope, response.lastEvaluatedKey())
                : null);
    }

    private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        keyNames.forEach(name -> key.put(name, item.get(name)));
        return key;
    }
}
