package org.imageproc.job;

import java.time.Clock;
import java.util.Map;

import org.imageproc.run.ImageEvent;
import org.imageproc.run.S3EventJson;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Announces a stored object again on the event queue for a job: the very event S3 sends for it (so it takes the
 * same flow as an upload), with the job's id in the message attribute {@link ImageEvent#JOB_ATTRIBUTE}. The
 * attribute grants nothing by itself: a run replaces a final item only where the owner's request left the job's
 * mark on the item ({@code ImageCatalog.allowReprocess}).
 */
public class JobEvents {

    private final SqsClient sqs;
    private final String queue;
    private final String bucket;
    private final S3EventJson json;
    private final Clock clock;
    private volatile String queueUrl;

    public JobEvents(SqsClient sqs, String queue, String bucket, String region, Clock clock) {
        this.sqs = sqs;
        this.queue = queue;
        this.bucket = bucket;
        this.json = new S3EventJson(region, "imageproc");
        this.clock = clock;
    }

    /**
     * Sends the event for the object {@code key} as stored ({@code eTag}, {@code size}); {@code version} is the
     * item's objectVersion for the same upload, or empty when there is no item of it (any upload then claims it).
     */
    public void announce(String key, long size, String eTag, String version, String jobId) {
        String eventName = eTag.contains("-") ? "ObjectCreated:CompleteMultipartUpload" : "ObjectCreated:Put";
        String body = json.toJson(bucket, key, size, eTag, eventName, clock.instant(), version);
        sqs.sendMessage(r -> r.queueUrl(queueUrl()).messageBody(body).messageAttributes(Map.of(
                ImageEvent.JOB_ATTRIBUTE, MessageAttributeValue.builder().dataType("String").stringValue(jobId)
                        .build())));
    }

    /** Messages waiting on the queue, not yet received: a backfill paces itself by it. */
    public long waiting() {
        return Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl())
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .getOrDefault("ApproximateNumberOfMessages", "0"));
    }

    private String queueUrl() {
        if (queueUrl == null) {
            queueUrl = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
        }
        return queueUrl;
    }
}
