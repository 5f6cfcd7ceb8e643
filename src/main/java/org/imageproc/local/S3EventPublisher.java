package org.imageproc.local;

import java.time.Instant;

import org.imageproc.run.S3EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends object-created events to the notification queue over SQS. */
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

    String queueUrl() {
        return queueUrl;
    }

    /** Returns once the queue took the event; throws the SDK's exception when it did not. */
    void publish(CreatedObject object) {
        Instant now = Instant.now();
        String body = json.toJson(object.bucket(), object.key(), object.size(), object.eTag(),
                object.eventName(), now, sequencer.next(now));
        sqs.sendMessage(message -> message.queueUrl(queueUrl).messageBody(body));
        LOG.debug("{} s3://{}/{} announced on {}", object.eventName(), object.bucket(), object.key(), queueUrl);
    }
}
