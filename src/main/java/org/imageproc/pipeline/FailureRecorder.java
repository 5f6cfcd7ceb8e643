package org.imageproc.pipeline;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.apache.camel.language.simple.Simple;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.ingest.IngestRoute;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.outage.Outages;
import org.imageproc.run.Delivery;
import org.imageproc.run.Execution;
import org.imageproc.run.Failure;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Variables;
import org.imageproc.storage.StoredImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Records on the item why a run failed, in which step and, for a failure worth retrying, in which delivery of its
 * message; logs it once: a line for a delivery that failed (the queue brings it back), the stack trace only when the
 * queue gives up on it. A record that cannot be written now (the catalog is away) is left to the dead-letter sweep.
 */
public class FailureRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(FailureRecorder.class);

    private final ImageCatalog catalog;
    private final Consumer<Execution> removeThumbnail;
    private final IntSupplier maxReceives;
    private final Consumer<String> releaseNow;
    private final Outages outages;

    /**
     * @param removeThumbnail takes away any thumbnail of the key while the run owns the item: a FAILED item has none
     * @param maxReceives     the queue's receives before it gives up on a message, 0 when not known or never
     * @param releaseNow      makes a message (by receipt handle) visible again at once, so that the queue moves it
     *                        to its dead-letter queue at the next receive instead of after its visibility timeout
     */
    public FailureRecorder(ImageCatalog catalog, Consumer<Execution> removeThumbnail, IntSupplier maxReceives,
            Consumer<String> releaseNow, Outages outages) {
        this.catalog = catalog;
        this.removeThumbnail = removeThumbnail;
        this.maxReceives = maxReceives;
        this.releaseNow = releaseNow;
        this.outages = outages;
    }

    /**
     * Before a run exists (the object could not be read), only a failure retrying cannot fix, or the last delivery's,
     * is recorded, as a FAILED item of the event's upload; a broken SQS message has no item to mark. {@code image}
     * is null when the object could not be read, {@code metadata} when it was not extracted; {@code receive} and
     * {@code redeliveries} are the message's receive count and Camel's redeliveries of the failing step, and
     * {@code receiptHandle} names this delivery of it; {@code steps} are the run's steps so far. Throws
     * {@link RunSupersededException} when another run owns the item.
     */
    @Handler
    public void record(@Variable(Variables.EVENT) ImageEvent event, @Variable(Variables.EXECUTION) Execution execution,
            @Variable(Variables.IMAGE) StoredImage image, @Variable(Variables.METADATA) ImageMetadata metadata,
            @ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String failedRouteId, @Simple("${exception}") Throwable failure,
            @Header(IngestRoute.RECEIVE_COUNT) Integer receive, @Header(Exchange.REDELIVERY_COUNTER) Integer redeliveries,
            @Header(Sqs2Constants.RECEIPT_HANDLE) String receiptHandle,
            @Variable(Variables.STEPS) Map<String, StepRecord> steps) {
        if (failure == null) {
            return;
        }
        Failure reason = Failure.of(failure);
        if (reason.retryable()) {
            reason = reason.in(Delivery.of(receive, maxReceives(), redeliveries));
        }
        log(event, execution, failedRouteId, reason, failure);
        try {
            if (execution != null) {
                catalog.fail(execution, image, metadata, failedRouteId, reason, steps);
                removeThumbnail.accept(execution);
            } else if (event != null && (!reason.retryable() || reason.deadLettered())) {
                catalog.failBeforeStart(event, event.bucket(), failedRouteId, reason,
                        !(failure instanceof NoSuchKeyException));
            }
        } catch (SdkException e) {
            notRecorded(event, e);
        }
        if (reason.deadLettered()) {
            // the item says the event waits in the dead-letter queue: it should be there when someone retries it
            releaseNow.accept(receiptHandle);
        }
    }

    private int maxReceives() {
        try {
            return maxReceives.getAsInt();
        } catch (SdkException e) {
            return 0;
        }
    }

    private static void log(ImageEvent event, Execution execution, String step, Failure reason, Throwable failure) {
        String run = (execution == null ? "Upload " : "Execution " + execution.executionId() + " for ")
                + (event == null ? "?" : event.key());
        if (!reason.retryable()) {
            LOG.warn("{} FAILED in {}: {} ({})", run, step, reason.cause(), reason.error());
        } else if (reason.deadLettered()) {
            LOG.error("{} FAILED in {}, and its event goes to the dead-letter queue: {}", run, step, reason.cause(),
                    failure);
        } else {
            LOG.warn("{} failed in {}: {}", run, step, reason.cause());
        }
    }

    // the record is lost, not the image: its message stays on the queue, and the dead-letter sweep marks an item
    // whose event the queue gave up on
    private void notRecorded(ImageEvent event, SdkException e) {
        String image = event == null ? null : event.key();
        if (!outages.explains(e, image)) {
            LOG.warn("Could not record the failure of {}: {}", image, e.getMessage());
        }
    }
}
