package org.imageproc.pipeline;

import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.direct;

import org.apache.camel.BeanInject;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.imageproc.catalog.ImageCatalog;
import org.imageproc.outage.EventHeldBack;
import org.imageproc.run.Execution;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.Variables;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Error handling for every route (a global route configuration, so routes an operator adds get it too): an image that
 * can never be processed is recorded FAILED and its message deleted; a run that lost its item to a newer upload, or
 * whose event names an object that was replaced since, stops without writing and its message is deleted (one that
 * lost it to a later delivery of the same event leaves the message to that delivery); anything
 * else is retried in place with a growing delay (imageproc.retry.*, about 30 s in all), then recorded and left on the
 * queue so SQS delivers it again (and after its last receive to the dead-letter queue). Camel logs none of it:
 * {@link RetryLog} gives one line per retry and {@link FailureRecorder} one per failed delivery.
 */
public class PipelineErrorHandling extends RouteConfigurationBuilder {

    @BeanInject
    RetryLog retryLog;
    @BeanInject
    ImageCatalog catalog;

    @Override
    public void configuration() {
        routeConfiguration()
                // a later delivery of the same event (this one outlived its visibility timeout) runs the upload now:
                // that run settles the message, so this one must not delete it
                .onException(RunSupersededException.class)
                    .onWhen(exchange -> catalog.ownedByAnotherDelivery(
                            exchange.getVariable(Variables.EXECUTION, Execution.class)))
                    .handled(false)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                    .log("Run for ${variable.event.key} stopped without writing: a later delivery of its event runs"
                            + " it now")
                .end()
                // received just before the consumer paused: back to the queue untouched, quietly
                .onException(EventHeldBack.class)
                    .handled(false)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                .end()
                .onException(RunSupersededException.class)
                    .handled(true)
                    .logExhausted(false)
                    .to(direct("record-superseded"))
                .end()
                // If-Match on the event's ETag failed: the object is another upload now, announced by its own event
                .onException(S3Exception.class)
                    .onWhen(simple("${exception.statusCode()} == 412"))
                    .handled(true)
                    .logExhausted(false)
                    .setVariable(Variables.SUPERSEDED, constant("The object was replaced after this event was sent"))
                    .log("Event for ${variable.event.key} (ETag ${variable.event.eTag}) skipped: the object was"
                            + " replaced since; the newer upload's own event brings it")
                    .to(direct("count-for-job"))
                .end()
                .onException(ImageRejectedException.class, NoSuchKeyException.class)
                    .handled(true)
                    .logExhausted(false)
                    .to(direct("record-failure"))
                .end()
                // running out of memory under a burst passes; the image itself is fine, so it is retried like an outage
                .onException(Exception.class, OutOfMemoryError.class)
                    .maximumRedeliveries("{{imageproc.retry.max-redeliveries}}")
                    .redeliveryDelay("{{imageproc.retry.delay-ms}}")
                    .backOffMultiplier("{{imageproc.retry.backoff-multiplier}}")
                    .useExponentialBackOff()
                    .maximumRedeliveryDelay("{{imageproc.retry.max-delay-ms}}")
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                    .onExceptionOccurred(retryLog)
                    .logExhausted(false)
                    .handled(false)
                    .to(direct("record-failure"))
                .end();
    }
}
