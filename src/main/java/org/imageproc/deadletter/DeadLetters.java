package org.imageproc.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.camel.Handler;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.ingest.S3EventParser;
import org.imageproc.run.Execution;
import org.imageproc.run.ImageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The events the queue gave up on. A sweep makes every one's item say so (FAILED, retryable, {@code deadLetter}),
 * which the last delivery usually did already, but not when the service stopped, crashed or hung in it; a redrive puts
 * chosen ones back on the event queue (sent again, then deleted here). Both look at each dead letter only briefly:
 * what they leave is visible again at once, for the next look or for SQS's own redrive; one waits for the other, so
 * a redrive never misses a dead letter this service's sweep holds.
 */
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    // long enough to look at every message of one scan, after which any left held comes back on its own
    private static final int HOLD_SECONDS = 30;
    private static final int MAX_PER_SCAN = 1000;
    private static final int REMEMBERED = 10_000;

    private final SqsClient sqs;
    private final EventQueue queue;
    private final S3EventParser parser;
    private final ImageCatalog catalog;
    private final Consumer<Execution> removeThumbnail;
    private final Consumer<ImageEvent> countForJob;
    private final String incomingPrefix;
    // dead letters whose items are settled, so that a sweep reads their items once, not every time
    private final Set<String> settled = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    /**
     * @param removeThumbnail takes away any thumbnail of the key while the run owns the item: a FAILED item has none
     * @param countForJob counts a settled event for the job that queued it, if any; throws while it cannot
     */
    public DeadLetters(SqsClient sqs, EventQueue queue, S3EventParser parser, ImageCatalog catalog,
            Consumer<Execution> removeThumbnail, Consumer<ImageEvent> countForJob, String incomingPrefix) {
        this.sqs = sqs;
        this.queue = queue;
        this.parser = parser;
        this.catalog = catalog;
        this.removeThumbnail = removeThumbnail;
        this.countForJob = countForJob;
        this.incomingPrefix = incomingPrefix;
    }

    /** Marks the items of the dead letters that do not say so yet; how many it changed. */
    @Handler
    public synchronized int sweep() {
        int[] changed = {0};
        try {
            EventQueue.Queues queues = queue.queues();
            if (queues.deadLetterUrl() == null) {
                return 0;
            }
            scan(queues, false, message -> {
                if (!settled.contains(message.messageId())) {
                    for (ImageEvent event : parser.parse(message.body(), job(message))) {
                        Optional<Execution> owner = catalog.deadLettered(event, queues.maxReceiveCount());
                        if (owner.isPresent()) {
                            changed[0]++;
                            removeThumbnail.accept(owner.get());
                            LOG.warn("The queue gave up on {} after {} deliveries: its item is FAILED now, and its"
                                    + " event waits in {} to be retried", event.key(), queues.maxReceiveCount(),
                                    queues.deadLetterQueue());
                        }
                        if (!counted(event)) {
                            return false;
                        }
                    }
                    settled.add(message.messageId());
                }
                return false;
            });
        } catch (SdkException e) {
            // an outage is reported where it is seen; the next sweep looks again
            LOG.debug("Dead-letter sweep stopped: {}", e.getMessage());
        }
        return changed[0];
    }

    /**
     * Counts the event for its job: a run that hung or crashed in its last delivery never did, and its job would
     * never finish. False when the count could not be made now (the next sweep tries again); counting is once only.
     */
    private boolean counted(ImageEvent event) {
        if (event.job() == null) {
            return true;
        }
        try {
            countForJob.accept(event);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Dead letter {} not counted for job {} yet: {}", event.key(), event.job(), e.getMessage());
            return false;
        }
    }

    private static String job(Message message) {
        MessageAttributeValue job = message.messageAttributes().get(ImageEvent.JOB_ATTRIBUTE);
        return job == null ? null : job.stringValue();
    }

    /**
     * Puts back on the event queue every dead letter all of whose images {@code wanted} accepts (by image id), and
     * returns their image ids. Throws an SDK exception when SQS is away.
     */
    public List<String> redrive(Predicate<String> wanted) {
        return redrive(wanted, Duration.ZERO);
    }

    /**
     * As {@link #redrive(Predicate)}, looking again for up to {@code patience} while none is there: a message whose
     * last delivery just failed reaches the dead-letter queue at the queue's next receive, a few seconds later.
     */
    public List<String> redrive(Predicate<String> wanted, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        List<String> moved = redriveOnce(wanted);
        while (moved.isEmpty() && System.nanoTime() < until) {
            moved = redriveOnce(wanted);
        }
        return moved;
    }

    private synchronized List<String> redriveOnce(Predicate<String> wanted) {
        EventQueue.Queues queues = queue.queues();
        if (queues.deadLetterUrl() == null) {
            return List.of();
        }
        List<String> moved = new ArrayList<>();
        scan(queues, true, message -> {
            List<String> images = parser.parse(message.body()).stream()
                    .map(event -> event.key().substring(incomingPrefix.length())).toList();
            if (images.isEmpty() || !images.stream().allMatch(wanted)) {
                return false;
            }
            // with its job: a run that ends now is counted for it, if nothing counted it before
            sqs.sendMessage(r -> r.queueUrl(queues.queueUrl()).messageBody(message.body())
                    .messageAttributes(message.messageAttributes()));
            moved.addAll(images);
            return true;
        });
        if (!moved.isEmpty()) {
            LOG.info("Put {} back on the queue from {}", moved, queues.deadLetterQueue());
        }
        return moved;
    }

    /**
     * Looks at each dead letter once: {@code moved} says it was sent elsewhere (then it is deleted here). A thorough
     * scan ends only when SQS answers nothing after a short wait (a short poll may answer fewer messages than there
     * are); a quick one, for the periodic sweep, ends at the first batch that is not full, and holds nothing while it
     * waits.
     */
    private void scan(EventQueue.Queues queues, boolean thorough, Predicate<Message> moved) {
        String url = queues.deadLetterUrl();
        int wait = thorough ? 1 : 0;
        List<Message> held = new ArrayList<>();
        try {
            int seen = 0;
            while (seen < MAX_PER_SCAN) {
                List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .messageAttributeNames(ImageEvent.JOB_ATTRIBUTE).visibilityTimeout(HOLD_SECONDS)
                        .waitTimeSeconds(wait)).messages();
                if (batch.isEmpty() || !thorough && batch.size() < 10) {
                    batch.forEach(message -> handle(url, message, moved, held));
                    return;
                }
                seen += batch.size();
                batch.forEach(message -> handle(url, message, moved, held));
            }
        } finally {
            release(url, held);
        }
    }

    private void handle(String url, Message message, Predicate<Message> moved, List<Message> held) {
        if (moved.test(message)) {
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        } else {
            held.add(message);
        }
    }

    private void release(String url, List<Message> held) {
        try {
            for (Message message : held) {
                sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            }
        } catch (SdkException e) {
            LOG.debug("Dead letters stay held for {} s: {}", HOLD_SECONDS, e.getMessage());
        }
    }
}
