package org.imageproc.catalog;

import java.util.Map;

import org.imageproc.run.RunStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads of an item's attributes as a job and a backfill need them, and when an item's run has ended for good. */
public final class ItemReads {

    private ItemReads() {
    }

    /** A text attribute, or null. */
    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** A boolean attribute; false when absent. */
    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /**
     * Whether the item's run ended for good: SUCCEEDED, or FAILED for a reason retrying cannot fix or after the queue
     * gave up on it (not a FAILED delivery that comes back).
     */
    public static boolean settled(Map<String, AttributeValue> item) {
        String status = text(item, "status");
        boolean retried = flag(item, "retryable") && !flag(item, ImageCatalog.DEAD_LETTER);
        return RunStatus.SUCCEEDED.is(status) || (RunStatus.FAILED.is(status) && !retried);
    }
}
