package org.imageproc.deadletter;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The event queue beyond what Camel's consumer does with it: its dead-letter queue as the queue itself names it (its
 * RedrivePolicy) and how many receives it allows a message, looked up once the queue answers, then kept; and making a
 * received message visible again at once.
 */
public class EventQueue {

    private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

    /** What the lookup found; {@code deadLetterUrl} is null for a queue without a dead-letter queue. */
    record Queues(String queueUrl, String deadLetterQueue, String deadLetterUrl, int maxReceiveCount) {
    }

    private final SqsClient sqs;
    private final String queue;
    private volatile Queues queues;

    public EventQueue(SqsClient sqs, String queue) {
        this.sqs = sqs;
        this.queue = queue;
    }

    /** Receives of a message before the queue gives up on it; 0 when it never does. Asks SQS the first time. */
    public int maxReceiveCount() {
        return queues().maxReceiveCount();
    }

    /**
     * Makes a received message visible again at once, for the next receive: after its last delivery failed (the queue
     * then moves it to the dead-letter queue within seconds instead of after its visibility timeout), or when it was
     * received just before the consumer paused. A message that stays held comes back later all the same, so a failure
     * here changes nothing.
     */
    public void releaseNow(String receiptHandle) {
        if (receiptHandle == null) {
            return;
        }
        try {
            String url = queues().queueUrl();
            sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout(0));
        } catch (SdkException e) {
            LOG.debug("The message comes back after its visibility timeout: {}", e.getMessage());
        }
    }

    /** Asks SQS the first time; throws an SDK exception while it cannot. */
    Queues queues() {
        Queues known = queues;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (queues == null) {
                queues = lookUp();
            }
            return queues;
        }
    }

    private Queues lookUp() {
        String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
        String attribute = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);
        Optional<RedrivePolicy> policy = RedrivePolicy.parse(attribute);
        if (policy.isEmpty()) {
            LOG.warn("The queue {} has no dead-letter queue: an event that keeps failing comes back until the queue's"
                    + " retention period ends", queue);
            return new Queues(url, null, null, 0);
        }
        String name = policy.get().deadLetterQueue();
        String deadLetterUrl = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
        return new Queues(url, name, deadLetterUrl, policy.get().maxReceiveCount());
    }
}
