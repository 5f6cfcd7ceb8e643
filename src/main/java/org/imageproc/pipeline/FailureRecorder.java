package org.imageproc.pipeline;

import org.imageproc.catalog.ImageCatalog;

/** Records on the item why a run failed and in which step. */
public class FailureRecorder {

    private final ImageCatalog catalog;

    public FailureRecorder(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    /** Does nothing before an execution exists (a broken SQS message has no item to mark). */
    public void record(Execution execution, String failedRouteId, Throwable failure) {
        if (execution == null || failure == null) {
            return;
        }
        Failure reason = Failure.of(failure);
        catalog.fail(execution, failedRouteId, reason.error(), reason.cause(), reason.retryable());
    }
}
