package org.imageproc.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.imageproc.catalog.ImageCatalog;
import org.imageproc.catalog.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Announces again, once per start, the uploads under the incoming prefix that have no final item for their ETag: a
 * kill -9 between storing an object and queuing its event, or the queue's last writes lost with the process, leaves
 * such objects. Events still queued go first: the sweep waits while the queue holds messages and the uploads it found
 * keep being processed, so that an upload whose event merely waited is not processed twice; it announces the rest
 * once the queue is empty, or when none of them got processed for its patience (no consumer, or a queue that never
 * empties).
 */
final class UploadSweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadSweep.class);
    private static final int BATCH_GET_LIMIT = 100;
    private static final Duration QUEUE_POLL = Duration.ofSeconds(1);
    private static final int POLLS_PER_RECHECK = 10;
    private static final int KEYS_LOGGED = 5;

    private final LocalStackSettings settings;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final S3EventPublisher publisher;
    private final Duration patience;

    /** One object as listed: {@code eTag} without quotes. */
    record StoredUpload(String key, String eTag, long size) {
    }

    UploadSweep(LocalStackSettings settings, S3Client s3, DynamoDbClient dynamoDb, SqsClient sqs,
            S3EventPublisher publisher, Duration patience) {
        this.settings = settings;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.publisher = publisher;
        this.patience = patience;
    }

    @Override
    public void run() {
        try {
            List<StoredUpload> unprocessed = unprocessed(stored());
            if (unprocessed.isEmpty()) {
                return;
            }
            LOG.info("{} upload(s) under s3://{}/{} have no final item for their ETag; they are announced again once"
                    + " the events already queued are handled", unprocessed.size(), settings.bucket(),
                    settings.incomingPrefix());
            Set<StoredUpload> waited = Set.copyOf(afterQueuedEvents(unprocessed));
            // an object replaced meanwhile had its own event from this run
            announce(unprocessed(stored().stream().filter(waited::contains).toList()));
        } catch (InterruptedException | AbortedException e) {
            // the stack is stopping; the next start sweeps again
        } catch (SdkException e) {
            LOG.warn("The sweep for unprocessed uploads stopped, the next start tries again: {}", e.toString());
        }
    }

    /** The uploads still unprocessed once the queue is empty, or once none got processed for the patience. */
    private List<StoredUpload> afterQueuedEvents(List<StoredUpload> uploads) throws InterruptedException {
        List<StoredUpload> left = uploads;
        long progressAt = System.nanoTime();
        for (int poll = 1; queued() > 0; poll++) {
            Thread.sleep(QUEUE_POLL.toMillis());
            if (poll % POLLS_PER_RECHECK == 0) {
                List<StoredUpload> now = unprocessed(left);
                if (now.size() < left.size()) {
                    progressAt = System.nanoTime();
                }
                left = now;
                if (left.isEmpty()) {
                    return left;
                }
                if (System.nanoTime() - progressAt > patience.toNanos()) {
                    LOG.info("None of the {} unprocessed upload(s) was processed in {} s although the queue holds"
                            + " messages; announcing them (a duplicate event changes nothing)", left.size(),
                            patience.toSeconds());
                    break;
                }
            }
        }
        return left;
    }

    private void announce(List<StoredUpload> uploads) {
        for (StoredUpload upload : uploads) {
            publisher.publish(new CreatedObject(settings.bucket(), upload.key(), upload.size(), upload.eTag(),
                    upload.eTag().contains("-") ? CreatedObject.COMPLETE_MULTIPART_UPLOAD : CreatedObject.PUT));
        }
        if (!uploads.isEmpty()) {
            LOG.info("Announced {} stored but unprocessed upload(s) again: {}", uploads.size(),
                    uploads.stream().limit(KEYS_LOGGED).map(StoredUpload::key).collect(Collectors.joining(", "))
                            + (uploads.size() > KEYS_LOGGED ? ", ..." : ""));
        }
    }

    /** Every object under the incoming prefix, one ListObjectsV2 call per thousand. */
    List<StoredUpload> stored() {
        String prefix = settings.incomingPrefix();
        return s3.listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(prefix)).contents().stream()
                .filter(object -> object.key().length() > prefix.length())
                .map(object -> new StoredUpload(object.key(), object.eTag().replace("\"", ""), object.size()))
                .toList();
    }

    /** The uploads whose item is missing, names another upload, or is still RUNNING: BatchGetItem, a hundred a call. */
    List<StoredUpload> unprocessed(List<StoredUpload> uploads) {
        Map<String, StoredUpload> byImageId = new HashMap<>();
        uploads.forEach(upload -> byImageId.put(upload.key().substring(settings.incomingPrefix().length()), upload));
        List<String> ids = new ArrayList<>(byImageId.keySet());
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT));
            for (Map<String, AttributeValue> item : items(batch)) {
                String id = item.get(Tables.IMAGE_ID).s();
                if (isFinalFor(item, byImageId.get(id))) {
                    byImageId.remove(id);
                }
            }
        }
        Set<StoredUpload> left = new HashSet<>(byImageId.values());
        return uploads.stream().filter(left::contains).toList();
    }

    private List<Map<String, AttributeValue>> items(List<String> imageIds) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(settings.imageTable(), KeysAndAttributes.builder()
                .keys(imageIds.stream().map(id -> Map.of(Tables.IMAGE_ID, AttributeValue.fromS(id))).toList())
                .projectionExpression("#id, eTag, #status")
                .expressionAttributeNames(Map.of("#id", Tables.IMAGE_ID, "#status", "status"))
                .consistentRead(true)
                .build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> keys = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(keys));
            items.addAll(response.responses().getOrDefault(settings.imageTable(), List.of()));
            request = response.unprocessedKeys();
        }
        return items;
    }

    private static boolean isFinalFor(Map<String, AttributeValue> item, StoredUpload upload) {
        AttributeValue eTag = item.get("eTag");
        AttributeValue status = item.get("status");
        return upload != null && eTag != null && upload.eTag().equals(eTag.s()) && status != null
                && (ImageCatalog.SUCCEEDED.equals(status.s()) || ImageCatalog.FAILED.equals(status.s()));
    }

    /** Messages waiting, in flight or delayed on the notification queue. */
    private long queued() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(publisher.queueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }
}
