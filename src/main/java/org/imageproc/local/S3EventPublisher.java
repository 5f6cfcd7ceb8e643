package org.imageproc.local;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends object-created events to the notification queue over SQS; a failure is logged, never passed to the uploader. */
final class S3EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(S3EventPublisher.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final S3EventJson json;
    private final S3Sequencer sequencer = new S3Sequencer();

    S3EventPublisher(SqsClient sqs, String queueUrl, S3EventJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    void publish(CreatedObject object) {
        Instant now = Instant.now();
        String body = json.toJson(object, now, sequencer.next(now));
        try {
            sqs.sendMessage(message -> message.queueUrl(queueUrl).messageBody(body));
            LOG.debug("{} s3://{}/{} announced on {}", object.eventName(), object.bucket(), object.key(), queueUrl);
        } catch (SdkException e) {
            LOG.warn("Could not announce s3://{}/{} on {}: {}", object.bucket(), object.key(), queueUrl, e.toString());
        }
    }
}
