package org.imageproc.pipeline;

import org.imageproc.metadata.ImageRejectedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Why a run failed, in words for the item: a stable error code, a cause a person understands, and whether a later
 * delivery of the same event may succeed.
 */
public record Failure(String error, String cause, boolean retryable) {

    public static Failure of(Throwable failure) {
        if (failure instanceof ImageRejectedException rejected) {
            return new Failure(rejected.error(), rejected.getMessage(), false);
        }
        if (failure instanceof NoSuchKeyException) {
            return new Failure(ImageRejectedException.OBJECT_NOT_FOUND,
                    "The object was deleted before it could be processed", false);
        }
        if (failure instanceof SdkException sdk) {
            return new Failure("ServiceError", "An AWS service call failed; it will be retried: " + message(sdk), true);
        }
        return new Failure(failure.getClass().getSimpleName(),
                "Processing failed unexpectedly; it will be retried: " + message(failure), true);
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
