package org.imageproc.ingest;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.config.Concurrency;
import org.imageproc.outage.PauseDuringOutage;
import org.imageproc.run.ImageEvent;

/**
 * Consumes S3 event notifications from SQS and hands each image to the processing flow. The message is deleted only
 * when every image in it reached a final state; a failure leaves it on the queue to come back. The consumer pauses
 * while a service the flow needs is away ({@code pauseDuringOutage}), and asks for each message's receive count, by
 * which a run knows its delivery is the last before the dead-letter queue.
 */
public class IngestRoute extends EndpointRouteBuilder {

    /** The SQS attribute, as a header, that counts the receives of a message. */
    public static final String RECEIVE_COUNT = "ApproximateReceiveCount";

    @BeanInject
    PauseDuringOutage pause;
    @BeanInject
    S3EventParser parser;
    @BeanInject
    ConsumerErrors consumerErrors;
    @BeanInject
    Concurrency concurrency;

    @Override
    public void configure() {
        from(aws2Sqs("{{imageproc.queue}}")
                .deleteAfterRead(true)
                .waitTimeSeconds("{{imageproc.sqs.wait-seconds}}")
                .delay("{{imageproc.sqs.poll-delay-ms}}")
                .maxMessagesPerPoll("{{imageproc.sqs.max-messages-per-poll}}")
                .concurrentConsumers(concurrency.consumers())
                // not extended while processing: a run that never completes must let its message come back
                .visibilityTimeout("{{imageproc.sqs.visibility-timeout-seconds}}")
                .attributeNames(RECEIVE_COUNT)
                // set only on events the service itself sends for a job (reprocess, backfill)
                .messageAttributeNames(ImageEvent.JOB_ATTRIBUTE)
                .advanced().exceptionHandler(consumerErrors))
                .routeId("consume-image-events")
                .routePolicy(pause)
                .bean(pause)
                .bean(parser)
                .split(body()).stopOnException()
                    .to(direct("process-image"))
                .end();
    }
}
