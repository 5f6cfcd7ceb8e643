package org.imageproc.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.imageproc.catalog.ItemReads;
import org.imageproc.catalog.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The Jobs table. A job's own item holds what it is, who asked, how many photos it queued and whether it queued them
 * all; its counts live in {@link #SHARDS} counter items beside it ({@code <jobId>#<n>}, the photo's shard by its id),
 * each one UpdateItem that adds 1 only if the photo's id is not yet in that shard's set of counted ids: a photo is
 * counted once whatever is delivered again, and as it is one write, a crash cannot count it half. The sets bound a
 * job to about 16 x 9,000 photos (DynamoDB's 400 KB a item).
 */
public class Jobs {

    /** Counter items per job: more photos per job, at the price of a larger read per progress request. */
    static final int SHARDS = 16;
    private static final String TOTAL = "total";
    private static final String QUEUED = "queued";
    private static final String FINISHED_AT = "finishedAt";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public Jobs(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** A new job with nothing queued yet; its id. {@code owner} is empty for an operator's job. */
    public String create(String kind, String owner) {
        String jobId = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new LinkedHashMap<>(Map.of(Tables.JOB_ID, s(jobId), "kind", s(kind),
                TOTAL, n(0), QUEUED, AttributeValue.fromBool(false), "startedAt", s(clock.instant().toString())));
        if (!owner.isEmpty()) {
            item.put("owner", s(owner));
        }
        dynamoDb.putItem(r -> r.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", Tables.JOB_ID)));
        return jobId;
    }

    /**
     * {@code photos} more queued for the job, and where its listing stands ({@code position}, kept for a resumed
     * backfill; null to leave it).
     */
    public void queued(String jobId, long photos, String position) {
        Map<String, String> names = new LinkedHashMap<>(Map.of("#total", TOTAL));
        Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":n", n(photos)));
        String update = "ADD #total :n";
        if (position != null) {
            update += " SET #position = :position";
            names.put("#position", "position");
            values.put(":position", s(position));
        }
        String expression = update;
        dynamoDb.updateItem(r -> r.tableName(table).key(key(jobId)).updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    /** The job has queued every photo it will: it finishes once each is counted. */
    public void queuedAll(String jobId) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(jobId)).updateExpression("SET #queued = :true")
                .expressionAttributeNames(Map.of("#queued", QUEUED))
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
        finishIfComplete(jobId);
    }

    /**
     * Counts the photo once for the job; false when it was counted already, or the job is unknown (an event naming
     * a job that does not exist counts nowhere).
     */
    public boolean count(String jobId, String imageId, Outcome outcome) {
        if (find(jobId).isEmpty()) {
            return false;
        }
        String counter = outcome == Outcome.DONE ? "done" : "failed";
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(shard(jobId, imageId)))
                    .updateExpression("ADD #counter :one, #counted :id")
                    .conditionExpression("NOT contains(#counted, :image)")
                    .expressionAttributeNames(Map.of("#counter", counter, "#counted", "counted"))
                    .expressionAttributeValues(Map.of(":one", n(1), ":id", AttributeValue.fromSs(List.of(imageId)),
                            ":image", s(imageId))));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        finishIfComplete(jobId);
        return true;
    }

    /** The job and its owner; empty when there is no such job. */
    public Optional<OwnedJob> find(String jobId) {
        List<Map<String, String>> keys = new ArrayList<>();
        keys.add(Map.of(Tables.JOB_ID, jobId));
        for (int shard = 0; shard < SHARDS; shard++) {
            keys.add(Map.of(Tables.JOB_ID, jobId + "#" + shard));
        }
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                .keys(keys.stream().map(k -> Map.of(Tables.JOB_ID, s(k.get(Tables.JOB_ID)))).toList()).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> unread = request;
            var response = dynamoDb.batchGetItem(r -> r.requestItems(unread));
            response.responses().getOrDefault(table, List.of())
                    .forEach(item -> items.put(item.get(Tables.JOB_ID).s(), item));
            request = response.unprocessedKeys();
        }
        Map<String, AttributeValue> job = items.get(jobId);
        if (job == null) {
            return Optional.empty();
        }
        long done = 0;
        long failed = 0;
        for (int shard = 0; shard < SHARDS; shard++) {
            Map<String, AttributeValue> counts = items.getOrDefault(jobId + "#" + shard, Map.of());
            done += number(counts, "done");
            failed += number(counts, "failed");
        }
        long total = number(job, TOTAL);
        boolean complete = job.get(QUEUED).bool() && done + failed >= total;
        return Optional.of(new OwnedJob(job.containsKey("owner") ? ItemReads.text(job, "owner") : "", new Job(jobId, ItemReads.text(job, "kind"),
                complete ? Job.FINISHED : Job.RUNNING, total, done, failed, ItemReads.text(job, "startedAt"),
                ItemReads.text(job, FINISHED_AT))));
    }

    /** Where the job's listing stands (a backfill's last key queued); empty before the first. */
    public Optional<String> position(String jobId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key(jobId))
                .consistentRead(true)).item();
        return Optional.ofNullable(item == null ? null : ItemReads.text(item, "position"));
    }

    /** The unfinished job a named task (a backfill of one prefix) resumes; empty when there is none. */
    public Optional<String> current(String task) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key(task))
                .consistentRead(true)).item();
        return Optional.ofNullable(item == null ? null : ItemReads.text(item, "current"));
    }

    /** Remembers {@code jobId} as the task's unfinished job, or forgets it (null) once the task has queued all. */
    public void current(String task, String jobId) {
        if (jobId == null) {
            dynamoDb.deleteItem(r -> r.tableName(table).key(key(task)));
        } else {
            dynamoDb.putItem(r -> r.tableName(table).item(Map.of(Tables.JOB_ID, s(task), "current", s(jobId))));
        }
    }

    /** Records when the job finished, once: by whichever count or listing completed it. */
    private void finishIfComplete(String jobId) {
        find(jobId).filter(found -> Job.FINISHED.equals(found.job().state()) && found.job().finishedAt() == null)
                .ifPresent(found -> {
                    try {
                        dynamoDb.updateItem(r -> r.tableName(table).key(key(jobId))
                                .updateExpression("SET #finished = :now")
                                .conditionExpression("attribute_not_exists(#finished)")
                                .expressionAttributeNames(Map.of("#finished", FINISHED_AT))
                                .expressionAttributeValues(Map.of(":now", s(clock.instant().toString()))));
                    } catch (ConditionalCheckFailedException e) {
                        // finished by another count meanwhile
                    }
                });
    }

    static String shard(String jobId, String imageId) {
        return jobId + "#" + Math.floorMod(imageId.hashCode(), SHARDS);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(Tables.JOB_ID, s(id));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
