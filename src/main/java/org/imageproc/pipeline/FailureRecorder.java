package org.imageproc.pipeline;

import org.imageproc.catalog.ImageCatalog;
import org.imageproc.ingest.ImageEvent;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.storage.StoredImage;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Records on the item why a run failed and in which step. */
public class FailureRecorder {

    private final ImageCatalog catalog;

    public FailureRecorder(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Before a run exists (the object could not be read), only a failure retrying cannot fix is recorded, as a FAILED
     * item of the event's upload; a broken SQS message has no item to mark. {@code image} is null when the object
     * could not be read, {@code metadata} when it was not extracted. Throws {@link RunSupersededException} when another run owns the item.
     */
    public void record(ImageEvent event, Execution execution, StoredImage image, ImageMetadata metadata,
            String failedRouteId, Throwable failure) {
        if (failure == null) {
            return;
        }
        Failure reason = Failure.of(failure);
        if (execution != null) {
            catalog.fail(execution, image, metadata, failedRouteId, reason.error(), reason.cause(), reason.retryable());
        } else if (event != null && !reason.retryable()) {
            catalog.failBeforeStart(event, event.bucket(), failedRouteId, reason,
                    !(failure instanceof NoSuchKeyException));
        }
    }
}
