package org.imageproc.job;

import java.util.Map;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.catalog.ItemReads;
import org.imageproc.catalog.Tables;
import org.imageproc.outage.EventHeldBack;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.RunStatus;
import org.imageproc.run.Variables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counts a job's photo once its event is settled: after the run's final write, a failure that ends it, a duplicate
 * delivery, or a run that stopped for a newer upload. It reads the item rather than trusting the run, so a delivery
 * that comes back after a crash counts what the first one wrote; a photo still to be retried is not counted yet.
 */
public class JobTally {

    private final Jobs jobs;
    private final DynamoDbClient dynamoDb;
    private final String imageTable;
    private final String incomingPrefix;

    public JobTally(Jobs jobs, DynamoDbClient dynamoDb, String imageTable, String incomingPrefix) {
        this.jobs = jobs;
        this.dynamoDb = dynamoDb;
        this.imageTable = imageTable;
        this.incomingPrefix = incomingPrefix;
    }

    /**
     * Counts the event's photo for its job, if it names one and the photo is settled; {@code superseded} is set when
     * the run stopped for a newer upload, which then has the last word. A count that cannot be made now (DynamoDB
     * away) sends the event back to the queue, whose next delivery counts it.
     */
    @Handler
    public void count(@Variable(Variables.EVENT) ImageEvent event, @Variable(Variables.SUPERSEDED) String superseded) {
        if (event == null || event.job() == null) {
            return;
        }
        String imageId = event.key().substring(incomingPrefix.length());
        try {
            Outcome outcome = superseded != null ? Outcome.DONE : outcome(item(imageId), event.job());
            if (outcome != null) {
                jobs.count(event.job(), imageId, outcome);
            }
        } catch (SdkException e) {
            throw new EventHeldBack("Could not count " + event.key() + " for job " + event.job() + ": "
                    + e.getMessage());
        }
    }

    /** How the photo ended for the job; null while it is still to be processed or retried. */
    static Outcome outcome(Map<String, AttributeValue> item, String job) {
        if (item.isEmpty()) {
            return Outcome.DONE; // deleted, or its object is gone
        }
        AttributeValue owner = item.get(ImageCatalog.JOB);
        if (owner == null || !job.equals(owner.s())) {
            return Outcome.DONE; // another run (a newer upload, another job) has the item
        }
        if (!ItemReads.settled(item)) {
            return null;
        }
        return RunStatus.SUCCEEDED.is(ItemReads.text(item, "status")) ? Outcome.DONE : Outcome.FAILED;
    }

    private Map<String, AttributeValue> item(String imageId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(imageTable).consistentRead(true)
                .key(Map.of(Tables.IMAGE_ID, AttributeValue.fromS(imageId)))
                .projectionExpression("#status, #job, retryable, deadLetter")
                .expressionAttributeNames(Map.of("#status", "status", "#job", ImageCatalog.JOB))).item();
        return item == null ? Map.of() : item;
    }
}
