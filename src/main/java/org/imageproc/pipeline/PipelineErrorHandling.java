package org.imageproc.pipeline;

import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.direct;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.imageproc.metadata.ImageRejectedException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Error handling for every route (a global route configuration, so routes an operator adds get it too): an image that
 * can never be processed is recorded FAILED and its message deleted; a run that lost its item to a newer upload, or
 * whose event names an object that was replaced since, stops without writing and its message is deleted; anything
 * else is retried in place, then recorded and left on the queue so SQS delivers it again (and finally to the
 * dead-letter queue).
 */
public class PipelineErrorHandling extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(RunSupersededException.class)
                    .handled(true)
                    .to(direct("record-superseded"))
                .end()
                // If-Match on the event's ETag failed: the object is another upload now, announced by its own event
                .onException(S3Exception.class)
                    .onWhen(simple("${exception.statusCode()} == 412"))
                    .handled(true)
                    .setVariable(Variables.SUPERSEDED, constant("The object was replaced after this event was sent"))
                    .log("Event for ${variable.event.key} (ETag ${variable.event.eTag}) skipped: the object was"
                            + " replaced since; the newer upload's own event brings it")
                .end()
                .onException(ImageRejectedException.class, NoSuchKeyException.class)
                    .handled(true)
                    .to(direct("record-failure"))
                .end()
                // running out of memory under a burst passes; the image itself is fine, so it is retried like an outage
                .onException(Exception.class, OutOfMemoryError.class)
                    .maximumRedeliveries("{{imageproc.retry.max-redeliveries}}")
                    .redeliveryDelay("{{imageproc.retry.delay-ms}}")
                    .backOffMultiplier("{{imageproc.retry.backoff-multiplier}}")
                    .useExponentialBackOff()
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(false)
                    .to(direct("record-failure"))
                .end();
    }
}
