package org.imageproc.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.imageproc.aws.LocalStackSettings;
import org.imageproc.aws.UploadLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Announces again, once per start, the uploads under the incoming prefix that have no final item for their ETag: a
 * kill -9 between storing an object and queuing its event, or the queue's last writes lost with the process, leaves
 * such objects. Events still queued go first, so that an upload whose event merely waited is not processed twice:
 * the sweep looks again once the queue is empty, or once it has not moved for its patience (nothing in flight and
 * nothing fewer: no consumer is running).
 */
final class UploadSweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadSweep.class);
    private static final Duration QUEUE_POLL = Duration.ofSeconds(1);
    private static final int KEYS_LOGGED = 5;

    private final LocalStackSettings settings;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final S3EventPublisher publisher;
    private final Duration patience;
    private final UploadLedger ledger;

    /** One object as listed: {@code eTag} without quotes. */
    record StoredUpload(String key, String eTag, long size) {
    }

    /** Messages on the notification queue: all of them, and those a consumer holds. */
    private record Depth(long total, long inFlight) {
    }

    UploadSweep(LocalStackSettings settings, S3Client s3, DynamoDbClient dynamoDb, SqsClient sqs,
            S3EventPublisher publisher, Duration patience, UploadLedger ledger) {
        this.settings = settings;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.publisher = publisher;
        this.patience = patience;
        this.ledger = ledger;
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
            awaitQueuedEvents();
            Set<StoredUpload> found = Set.copyOf(unprocessed);
            // an object replaced meanwhile had its own event from this run
            announce(unprocessed(stored().stream().filter(found::contains).toList()));
        } catch (InterruptedException | AbortedException e) {
            // the stack is stopping; the next start sweeps again
        } catch (RuntimeException e) {
            LOG.warn("The sweep for unprocessed uploads stopped, the next start tries again: {}", e.toString());
        }
    }

    private void awaitQueuedEvents() throws InterruptedException {
        Depth depth = depth();
        long movedAt = System.nanoTime();
        while (depth.total() > 0) {
            if (System.nanoTime() - movedAt > patience.toNanos()) {
                LOG.info("The queue has held {} message(s) untouched for {} s; announcing the unprocessed uploads"
                        + " anyway (a duplicate event changes nothing)", depth.total(), patience.toSeconds());
                return;
            }
            Thread.sleep(QUEUE_POLL.toMillis());
            Depth now = depth();
            if (now.inFlight() > 0 || now.total() < depth.total()) {
                movedAt = System.nanoTime();
            }
            depth = now;
        }
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
                // no ETag yet: still being written, and this run announces it
                .filter(object -> object.key().length() > prefix.length() && object.eTag() != null)
                .map(object -> new StoredUpload(object.key(), object.eTag().replace("\"", ""), object.size()))
                .toList();
    }

    /** The uploads whose item is missing, names another upload, or is still RUNNING. */
    List<StoredUpload> unprocessed(List<StoredUpload> uploads) {
        Map<String, String> eTagByKey = new HashMap<>();
        uploads.forEach(upload -> eTagByKey.put(upload.key(), upload.eTag()));
        Set<String> finished = ledger.finishedKeys(dynamoDb, eTagByKey);
        return uploads.stream().filter(upload -> !finished.contains(upload.key())).toList();
    }

    private Depth depth() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(publisher.queueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        long inFlight = Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        return new Depth(attributes.values().stream().mapToLong(Long::parseLong).sum(), inFlight);
    }
}
