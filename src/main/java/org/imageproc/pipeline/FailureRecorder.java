package org.imageproc.pipeline;

import org.imageproc.catalog.ImageCatalog;
import org.imageproc.storage.StoredImage;

/** Records on the item why a run failed and in which step. */
public class FailureRecorder {

    private final ImageCatalog catalog;

    public FailureRecorder(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Does nothing before an execution exists (a broken SQS message has no item to mark); {@code image} is null when
     * the object could not be read.
     */
    public void record(Execution execution, StoredImage image, String failedRouteId, Throwable failure) {
        if (execution == null || failure == null) {
            return;
        }
        Failure reason = Failure.of(failure);
        catalog.fail(execution, image, failedRouteId, reason.error(), reason.cause(), reason.retryable());
    }
}
