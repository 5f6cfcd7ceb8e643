package org.imageproc.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a failure worth retrying says on the item, depending on which delivery of its message it ended. */
class DeliveryTest {

    private static final Failure UNAVAILABLE = new Failure("ServiceError",
            "The image catalog (DynamoDB) is unavailable: Connection refused", true);

    @Test
    void aDeliveryBeforeTheLastSaysItComesBack() {
        Failure failure = UNAVAILABLE.in(Delivery.of(2, 5, 6));

        assertThat(failure.cause()).isEqualTo("Delivery 2 of 5 failed after 7 attempts and comes back from the"
                + " queue: The image catalog (DynamoDB) is unavailable: Connection refused");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.deadLettered()).isFalse();
    }

    @Test
    void theLastDeliverySaysTheQueueGaveUp() {
        Failure failure = UNAVAILABLE.in(Delivery.of(5, 5, 0));

        assertThat(failure.cause()).isEqualTo("Gave up after 5 deliveries (1 attempt in the last): The image catalog"
                + " (DynamoDB) is unavailable: Connection refused");
        assertThat(failure.deadLettered()).isTrue();
    }

    @Test
    void withoutADeadLetterQueueOrAReceiveCountNoDeliveryIsTheLast() {
        assertThat(UNAVAILABLE.in(Delivery.of(7, 0, 2)).cause())
                .startsWith("Delivery 7 failed after 3 attempts and comes back from the queue: ");
        assertThat(UNAVAILABLE.in(Delivery.of(null, 5, null)).cause())
                .startsWith("This delivery failed after 1 attempt and comes back from the queue: ");
        assertThat(UNAVAILABLE.in(Delivery.of(null, 5, null)).deadLettered()).isFalse();
    }

    @Test
    void aFailureRetryingCannotFixStaysAsItIs() {
        Failure rejected = new Failure("NotSupportedImageType", "GIF images are not supported", false);

        assertThat(rejected.in(Delivery.of(5, 5, 0))).isSameAs(rejected);
    }
}
