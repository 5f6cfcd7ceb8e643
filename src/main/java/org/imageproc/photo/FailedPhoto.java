package org.imageproc.photo;

import java.util.Map;

import org.imageproc.catalog.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A photo whose processing FAILED, as the failures list shows it.
 *
 * @param fileName   the name of the uploaded file, when its item keeps one
 * @param failedStep the step that failed, null when the failure came before any step
 * @param error      the failure's code; {@code cause} says it in words
 * @param failedAt   when, epoch milliseconds
 * @param retryable  whether processing it again may succeed (a refused file fails the same way again)
 * @param deadLetter whether the queue gave up on its event, which waits in the dead-letter queue to be retried
 */
public record FailedPhoto(String imageID, String albumID, String fileName, String failedStep, String error,
        String cause, long failedAt, boolean retryable, boolean deadLetter) {

    static FailedPhoto of(Map<String, AttributeValue> item) {
        return new FailedPhoto(item.get(Tables.IMAGE_ID).s(), text(item, "albumID"), text(item, "fileName"),
                text(item, "failedStep"), text(item, "error"), text(item, "cause"),
                Long.parseLong(item.get("failedAt").n()), flag(item, "retryable"), flag(item, "deadLetter"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }
}
