package org.imageproc.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A queue's RedrivePolicy attribute, as SQS and ElasticMQ write it. */
class RedrivePolicyTest {

    @Test
    void namesTheDeadLetterQueueAndTheReceivesAllowed() {
        assertThat(RedrivePolicy.parse("{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:111122223333:"
                + "imageproc-image-events-dlq\",\"maxReceiveCount\":5}"))
                .hasValue(new RedrivePolicy("imageproc-image-events-dlq", 5));
        assertThat(RedrivePolicy.parse("{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\","
                + "\"maxReceiveCount\":\"3\"}")).hasValue(new RedrivePolicy("dlq", 3));
    }

    @Test
    void aQueueWithoutOneHasNone() {
        assertThat(RedrivePolicy.parse(null)).isEmpty();
        assertThat(RedrivePolicy.parse("")).isEmpty();
        assertThat(RedrivePolicy.parse("{\"maxReceiveCount\":5}")).isEmpty();
        assertThat(RedrivePolicy.parse("not json")).isEmpty();
    }
}
