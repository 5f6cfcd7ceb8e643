package org.imageproc.run;

import org.imageproc.run.ImageRejectedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Why a run failed, in words for the item: a stable error code, a cause a person understands, whether a later
 * delivery of the same event may succeed, and, for a failure worth retrying, which delivery it was (null otherwise).
 */
public record Failure(String error, String cause, boolean retryable, Delivery delivery) {

    public Failure(String error, String cause, boolean retryable) {
        this(error, cause, retryable, null);
    }

    public static Failure of(Throwable failure) {
        if (failure instanceof ImageRejectedException rejected) {
            return new Failure(rejected.error().code(), rejected.getMessage(), false);
        }
        if (failure instanceof NoSuchKeyException) {
            return new Failure(FailureCode.OBJECT_NOT_FOUND.code(),
                    "The object was deleted before it could be processed", false);
        }
        if (failure instanceof SdkException sdk) {
            return new Failure(FailureCode.SERVICE_ERROR.code(), message(sdk), true);
        }
        return new Failure(failure.getClass().getSimpleName(), "Processing failed unexpectedly: " + message(failure),
                true);
    }

    /** This failure as it ended the given delivery; a failure retrying cannot fix stays as it is. */
    public Failure in(Delivery delivery) {
        return retryable ? new Failure(error, delivery.explain(cause), true, delivery) : this;
    }

    /** Whether the event goes to the dead-letter queue after this failure: the queue gives up on it. */
    public boolean deadLettered() {
        return delivery != null && delivery.last();
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
