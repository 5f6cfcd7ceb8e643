package org.imageproc.ingest;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * Consumes S3 event notifications from SQS and hands each image to the processing flow. The message is deleted only
 * when every image in it reached a final state; a failure leaves it on the queue to come back. The consumer pauses
 * while a service the flow needs is away ({@code pauseDuringOutage}), and asks for each message's receive count, by
 * which a run knows its delivery is the last before the dead-letter queue.
 */
public class IngestRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(aws2Sqs("{{imageproc.queue}}")
                .deleteAfterRead(true)
                .waitTimeSeconds("{{imageproc.sqs.wait-seconds}}")
                .delay("{{imageproc.sqs.poll-delay-ms}}")
                .maxMessagesPerPoll("{{imageproc.sqs.max-messages-per-poll}}")
                .concurrentConsumers("{{imageproc.sqs.concurrent-consumers}}")
                // not extended while processing: a run that never completes must let its message come back
                .visibilityTimeout("{{imageproc.sqs.visibility-timeout-seconds}}")
                .attributeNames("ApproximateReceiveCount")
                .advanced().exceptionHandler("#consumerErrors"))
                .routeId("consume-image-events")
                .routePolicyRef("pauseDuringOutage")
                .bean("pauseDuringOutage", "admit(${header.CamelAwsSqsReceiptHandle})")
                .bean("s3EventParser", "parse")
                .split(body()).stopOnException()
                    .to(direct("process-image"))
                .end();
    }
}
