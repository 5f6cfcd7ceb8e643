package org.imageproc.catalog;

import static org.imageproc.catalog.AttributeValues.n;
import static org.imageproc.catalog.AttributeValues.s;

import java.util.ArrayList;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The search index of the PhotoLabels table: for each photo of a user, one entry under each of its labels and their
 * parents (pk {@code userID#label}, sk the image id, with the run that wrote it and the upload time), and a count
 * per label of the user (pk {@code userID}, sk the label). Label names are kept in lower case in keys.
 * <p>
 * The item is the truth and the index follows it: a run writes its entries before its final write (so a crash after
 * that write loses none), and after it takes away the entries of runs that no longer own the item (labels the photo
 * lost). Whoever reads a hit checks it against the item, so an entry left behind by a crash is never shown, and is
 * taken away then ({@link #forget}). Every deletion is conditional on the run the entry names, so it never takes
 * away what a newer run just wrote. A count moves only with an entry that appears or goes away, so redelivery does
 * not count twice; only a crash between an entry's write and its count's leaves a count off by one.
 */
public class LabelIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LabelIndex.class);
    static final String EXECUTION_ID = "executionId";

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
        for (String label : withParents(labels).values()) {
            Map<String, AttributeValue> entry = new LinkedHashMap<>();
            entry.put(Tables.PK, s(userId + "#" + normalized(label)));
            entry.put(Tables.SK, s(execution.imageId()));
            entry.put(Tables.IMAGE_ID, s(execution.imageId()));
            entry.put("userID", s(userId));
            entry.put("label", s(label));
            entry.put("uploadTime", n(uploadTime));
            entry.put(EXECUTION_ID, s(execution.executionId()));
            Map<String, AttributeValue> old = dynamoDb.putItem(r -> r.tableName(table).item(entry)
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            if (old == null || old.isEmpty()) {
                count(userId, label, 1);
            }
        }
    }

    /**
     * After the run's final write: takes away the photo's entries of runs that no longer own its item. The entries
     * are listed before the item is read, so an entry of another run than the item's is of a run that is over.
     */
    public void settle(Execution execution) {
        List<Map<String, AttributeValue>> entries = entries(execution.imageId());
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(imageTable).consistentRead(true)
                .key(Map.of(Tables.IMAGE_ID, s(execution.imageId())))
                .projectionExpression("#exec").expressionAttributeNames(Map.of("#exec", EXECUTION_ID))).item();
        AttributeValue owner = item == null ? null : item.get(EXECUTION_ID);
        for (Map<String, AttributeValue> entry : entries) {
            if (owner == null || !owner.equals(entry.get(EXECUTION_ID))) {
                delete(entry);
            }
        }
    }

    /** Takes away every entry of the photo: for the removal of a photo, after its item is gone. */
    public void remove(String imageId) {
        entries(imageId).forEach(this::delete);
    }

    /** Takes away an entry a reader found to be no longer true of the photo, unless a newer run wrote it since. */
    public void forget(Entry entry) {
        delete(Map.of(Tables.PK, s(entry.userID() + "#" + normalized(entry.label())), Tables.SK, s(entry.imageID()),
                EXECUTION_ID, s(entry.executionId())));
    }

    /** One page of the entries under the user's label, newest upload first. */
    public Page<Entry> photos(String userId, String label, PageRequest request) {
        return byLabel.newestFirst("search", userId + "#" + normalized(label), request)
                .map(item -> new Entry(item.get("userID").s(), item.get("label").s(), item.get(Tables.IMAGE_ID).s(),
                        item.get(EXECUTION_ID).s()));
    }

    /** The user's labels that have photos, most photos first. */
    public List<UserLabel> labels(String userId) {
        List<UserLabel> labels = new ArrayList<>(Tables.newestFirst(dynamoDb, table, null, Tables.PK, userId)
                .map(item -> new UserLabel(item.get("label").s(), Long.parseLong(item.get("photos").n())))
                .filter(label -> label.photos() > 0)
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

    /** Deletes the entry if it still names the run it named when read, and counts it out. */
    private void delete(Map<String, AttributeValue> entry) {
        try {
            Map<String, AttributeValue> old = dynamoDb.deleteItem(r -> r.tableName(table)
                    .key(Map.of(Tables.PK, entry.get(Tables.PK), Tables.SK, entry.get(Tables.SK)))
                    .conditionExpression("#exec = :exec")
                    .expressionAttributeNames(Map.of("#exec", EXECUTION_ID))
                    .expressionAttributeValues(Map.of(":exec", entry.get(EXECUTION_ID)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            if (old != null && old.containsKey("label")) {
                count(old.get("userID").s(), old.get("label").s(), -1);
            }
        } catch (ConditionalCheckFailedException e) {
            LOG.debug("Label entry {} was written again since it was read; it stays", entry.get(Tables.PK).s());
        }
    }

    private void count(String userId, String label, int change) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(Map.of(Tables.PK, s(userId), Tables.SK, s(normalized(label))))
                .updateExpression("ADD photos :change SET #label = if_not_exists(#label, :label)")
                .expressionAttributeNames(Map.of("#label", "label"))
                .expressionAttributeValues(Map.of(":change", n(change), ":label", s(label))));
    }
}
