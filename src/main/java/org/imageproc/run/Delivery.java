package org.imageproc.run;

/**
 * Which delivery of its SQS message a run is, and how the failing step fared in it.
 *
 * @param receive     the message's receive count (SQS's ApproximateReceiveCount); 0 when unknown
 * @param maxReceives receives before the queue moves the message to its dead-letter queue; 0 when it has none or it is
 *                    not known
 * @param attempts    how many times the failing step ran in this delivery
 */
public record Delivery(int receive, int maxReceives, int attempts) {

    /** Whether the queue gives up on the message after this delivery: it goes to the dead-letter queue next. */
    public boolean last() {
        return maxReceives > 0 && receive >= maxReceives;
    }

    /** Null-safe: Camel's headers are absent when a run did not come from the queue. */
    public static Delivery of(Integer receive, int maxReceives, Integer redeliveries) {
        return new Delivery(receive == null ? 0 : receive, maxReceives, redeliveries == null ? 1 : redeliveries + 1);
    }

    /** The cause as the item says it: "Gave up after 5 deliveries (7 attempts in the last): ...". */
    String explain(String cause) {
        String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
        if (last()) {
            return "Gave up after " + receive + " deliveries (" + tries + " in the last): " + cause;
        }
        String which = receive == 0 ? "This delivery" : maxReceives == 0 ? "Delivery " + receive
                : "Delivery " + receive + " of " + maxReceives;
        return which + " failed after " + tries + " and comes back from the queue: " + cause;
    }
}
