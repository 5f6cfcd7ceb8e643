package org.imageproc.catalog;

import static org.imageproc.catalog.AttributeValues.n;
import static org.imageproc.catalog.AttributeValues.s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.imageproc.labels.Label;
import org.imageproc.run.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The search index of the PhotoLabels table: for each photo of a user, one entry under each of its labels and their
 * parents (pk {@code userID#label}, sk the image id, with the run that wrote it and the upload time), and one item per
 * user with a count per label (pk {@code userID}, sk {@link #COUNTS}, an attribute {@code label:<name>} each; a count
 * at zero is taken away, and the item with the last). Label names are kept in lower case in keys.
 * <p>
 * The item is the truth and the index follows it: a run writes its entries before its final write (so a crash after
 * that write loses none), and after it takes away the entries of runs that no longer own the item (labels the photo
 * lost). Whoever reads a hit checks it against the item, so an entry left behind by a crash is never shown, and is
 * taken away then ({@link #forget}). Every deletion is conditional on the run the entry names, so it never takes
 * away what a newer run just wrote. A run's entries cost one batch read, one batch write and one count update
 * whatever its number of labels. A count moves only with an entry that appears or goes away, so redelivery does
 * not count twice; a crash between the entries' write and the count's, or two runs of one photo writing its entries
 * at the same moment, leaves a count off by one (it only orders the suggestions).
 */
public class LabelIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LabelIndex.class);
    static final String EXECUTION_ID = "executionId";
    /** The sort key of a user's label counts. */
    static final String COUNTS = "#counts";
    private static final String COUNT_PREFIX = "label:";
    /** Moves with every change of a user's counts: taking a zero count away is conditional on it. */
    private static final String VERSION = "version";
    // BatchWriteItem's limit; BatchGetItem takes 100
    private static final int BATCH = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String imageTable;
    private final Pages byLabel;

    public LabelIndex(DynamoDbClient dynamoDb, String table, String imageTable) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.imageTable = imageTable;
        this.byLabel = new Pages(dynamoDb, table, Tables.LABEL_INDEX, Set.of(Tables.PK, Tables.SK, "uploadTime"),
                Tables.PK);
    }

    /** One index entry: the photo {@code imageID} was under {@code label} after run {@code executionId}. */
    public record Entry(String userID, String label, String imageID, String executionId) {
    }

    /** A label of the user and how many photos are under it. */
    public record UserLabel(String label, long photos) {
    }

    /** The key of a label: the same for any case. */
    public static String normalized(String label) {
        return label.trim().toLowerCase(Locale.ROOT);
    }

    /** The run's entries, one for each of its labels and their parents; written before the run's final write. */
    public void stage(Execution execution, String userId, long uploadTime, List<Label> labels) {
        Map<String, String> names = withParents(labels);
        Set<String> present = present(userId, execution.imageId(), names.keySet());
        List<WriteRequest> puts = new ArrayList<>();
        for (String label : names.values()) {
            Map<String, AttributeValue> entry = new LinkedHashMap<>();
            entry.put(Tables.PK, s(userId + "#" + normalized(label)));
            entry.put(Tables.SK, s(execution.imageId()));
            entry.put(Tables.IMAGE_ID, s(execution.imageId()));
            entry.put("userID", s(userId));
            entry.put("label", s(label));
            entry.put("uploadTime", n(uploadTime));
            entry.put(EXECUTION_ID, s(execution.executionId()));
            puts.add(WriteRequest.builder().putRequest(put -> put.item(entry)).build());
        }
        for (int from = 0; from < puts.size(); from += BATCH) {
            write(puts.subList(from, Math.min(puts.size(), from + BATCH)));
        }
        Map<String, Integer> added = new LinkedHashMap<>();
        names.forEach((key, label) -> {
            if (!present.contains(key)) {
                added.put(label, 1);
            }
        });
        count(userId, added);
    }

    /**
     * After the run's final write: takes away the photo's entries of runs that no longer own its item. The entries
     * are listed before the item is read, so an entry of another run than the item's is of a run that is over.
     */
    public void settle(Execution execution) {
        List<Map<String, AttributeValue>> entries = entries(execution.imageId());
        if (entries.isEmpty()) {
            return; // a photo without entries (no owner, or no labels): nothing to take away, no item to read
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(imageTable).consistentRead(true)
                .key(Map.of(Tables.IMAGE_ID, s(execution.imageId())))
                .projectionExpression("#exec").expressionAttributeNames(Map.of("#exec", EXECUTION_ID))).item();
        AttributeValue owner = item == null ? null : item.get(EXECUTION_ID);
        delete(entries.stream().filter(entry -> owner == null || !owner.equals(entry.get(EXECUTION_ID))).toList());
    }

    /** Takes away every entry of the photo: for the removal of a photo, after its item is gone. */
    public void remove(String imageId) {
        delete(entries(imageId));
    }

    /** Takes away an entry a reader found to be no longer true of the photo, unless a newer run wrote it since. */
    public void forget(Entry entry) {
        delete(List.of(Map.of(Tables.PK, s(entry.userID() + "#" + normalized(entry.label())),
                Tables.SK, s(entry.imageID()), EXECUTION_ID, s(entry.executionId()))));
    }

    /** One page of the entries under the user's label, newest upload first. */
    public Page<Entry> photos(String userId, String label, PageRequest request) {
        return byLabel.newestFirst("search", userId + "#" + normalized(label), request)
                .map(item -> new Entry(item.get("userID").s(), item.get("label").s(), item.get(Tables.IMAGE_ID).s(),
                        item.get(EXECUTION_ID).s()));
    }

    /** The user's labels that have photos, most photos first. */
    public List<UserLabel> labels(String userId) {
        Map<String, AttributeValue> counts = dynamoDb.getItem(r -> r.tableName(table).key(countsKey(userId))).item();
        // one label under two spellings (Rekognition's and another model's) is one label
        Map<String, UserLabel> byKey = new LinkedHashMap<>();
        if (counts != null) {
            counts.forEach((name, value) -> {
                if (name.startsWith(COUNT_PREFIX) && value.n() != null) {
                    String label = name.substring(COUNT_PREFIX.length());
                    long photos = Long.parseLong(value.n());
                    byKey.merge(normalized(label), new UserLabel(label, photos),
                            (a, b) -> new UserLabel(a.photos() >= b.photos() ? a.label() : b.label(),
                                    a.photos() + b.photos()));
                }
            });
        }
        List<UserLabel> labels = new ArrayList<>(byKey.values().stream().filter(label -> label.photos() > 0)
                .toList());
        labels.sort((a, b) -> a.photos() != b.photos() ? Long.compare(b.photos(), a.photos())
                : a.label().compareToIgnoreCase(b.label()));
        return labels;
    }

    /** The labels and their parents, once each (ignoring case), as Rekognition names them. */
    private static Map<String, String> withParents(List<Label> labels) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Label label : labels) {
            names.putIfAbsent(normalized(label.name()), label.name());
            label.parents().forEach(parent -> names.putIfAbsent(normalized(parent), parent));
        }
        return names;
    }

    private List<Map<String, AttributeValue>> entries(String imageId) {
        return dynamoDb.queryPaginator(r -> r.tableName(table).indexName(Tables.IMAGE_LABELS_INDEX)
                .keyConditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", Tables.IMAGE_ID))
                .expressionAttributeValues(Map.of(":id", s(imageId)))).items().stream().toList();
    }

    /** The labels (keys) of the photo that have an entry already, of any run. */
    private Set<String> present(String userId, String imageId, Set<String> keys) {
        Set<String> present = new HashSet<>();
        List<Map<String, AttributeValue>> wanted = keys.stream().map(key -> Map.of(Tables.PK, s(userId + "#" + key),
                Tables.SK, s(imageId))).toList();
        for (int from = 0; from < wanted.size(); from += 4 * BATCH) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(wanted.subList(from, Math.min(wanted.size(), from + 4 * BATCH))).consistentRead(true)
                    .projectionExpression("#pk").expressionAttributeNames(Map.of("#pk", Tables.PK)).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                backOff(attempt);
                BatchGetItemResponse response = dynamoDb.batchGetItem(BatchGetItemRequest.builder()
                        .requestItems(request).build());
                response.responses().getOrDefault(table, List.of()).forEach(item -> present.add(
                        item.get(Tables.PK).s().substring(userId.length() + 1)));
                request = response.unprocessedKeys();
            }
        }
        return present;
    }

    private void write(List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> batch = Map.of(table, requests);
        for (int attempt = 0; !batch.isEmpty(); attempt++) {
            backOff(attempt);
            batch = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(batch).build())
                    .unprocessedItems();
        }
    }

    /** Before another try at what a batch left unprocessed (the table's capacity was short): 50 ms, doubling to 1 s. */
    private static void backOff(int attempt) {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(1000, 50L << Math.min(attempt - 1, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing search entries", e);
        }
    }

    /** Deletes each entry that still names the run it named when read, and counts them out in one update. */
    private void delete(List<Map<String, AttributeValue>> entries) {
        Map<String, Map<String, Integer>> removed = new LinkedHashMap<>();
        for (Map<String, AttributeValue> entry : entries) {
            try {
                Map<String, AttributeValue> old = dynamoDb.deleteItem(r -> r.tableName(table)
                        .key(Map.of(Tables.PK, entry.get(Tables.PK), Tables.SK, entry.get(Tables.SK)))
                        .conditionExpression("#exec = :exec")
                        .expressionAttributeNames(Map.of("#exec", EXECUTION_ID))
                        .expressionAttributeValues(Map.of(":exec", entry.get(EXECUTION_ID)))
                        .returnValues(ReturnValue.ALL_OLD)).attributes();
                if (old != null && old.containsKey("label")) {
                    removed.computeIfAbsent(old.get("userID").s(), user -> new LinkedHashMap<>())
                            .merge(old.get("label").s(), -1, Integer::sum);
                }
            } catch (ConditionalCheckFailedException e) {
                LOG.debug("Label entry {} was written again since it was read; it stays", entry.get(Tables.PK).s());
            }
        }
        removed.forEach(this::count);
    }

    /**
     * Moves the user's count of each label by its change, in one update; a count that falls to zero is taken away,
     * and the item with the last one, so a user whose photos are all gone leaves nothing in the table.
     */
    private void count(String userId, Map<String, Integer> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>(Map.of("#v", VERSION));
        Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":one", n(1)));
        List<String> adds = new ArrayList<>(List.of("#v :one"));
        changes.forEach((label, change) -> {
            int i = adds.size();
            names.put("#l" + i, COUNT_PREFIX + label);
            values.put(":c" + i, n(change));
            adds.add("#l" + i + " :c" + i);
        });
        Map<String, AttributeValue> counts = dynamoDb.updateItem(r -> r.tableName(table).key(countsKey(userId))
                .updateExpression("ADD " + String.join(", ", adds))
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        if (changes.values().stream().anyMatch(change -> change < 0)) {
            tidy(userId, counts);
        }
    }

    /** Takes the counts at zero away, unless counted again since ({@link #VERSION} moved). */
    private void tidy(String userId, Map<String, AttributeValue> counts) {
        List<String> labels = counts.keySet().stream().filter(name -> name.startsWith(COUNT_PREFIX)).toList();
        List<String> zero = labels.stream().filter(name -> Long.parseLong(counts.get(name).n()) <= 0).toList();
        if (zero.isEmpty()) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>(Map.of("#v", VERSION));
        for (int i = 0; i < zero.size(); i++) {
            names.put("#z" + i, zero.get(i));
        }
        Map<String, AttributeValue> seen = Map.of(":v", counts.get(VERSION));
        try {
            if (zero.size() == labels.size()) {
                dynamoDb.deleteItem(r -> r.tableName(table).key(countsKey(userId)).conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", VERSION)).expressionAttributeValues(seen));
            } else {
                dynamoDb.updateItem(r -> r.tableName(table).key(countsKey(userId))
                        .updateExpression("REMOVE " + String.join(", ", names.keySet().stream()
                                .filter(name -> name.startsWith("#z")).toList()))
                        .conditionExpression("#v = :v")
                        .expressionAttributeNames(names).expressionAttributeValues(seen));
            }
        } catch (ConditionalCheckFailedException e) {
            LOG.debug("Label counts of {} changed meanwhile; the next decrease tidies them", userId);
        }
    }

    private static Map<String, AttributeValue> countsKey(String userId) {
        return Map.of(Tables.PK, s(userId), Tables.SK, s(COUNTS));
    }
}
