package org.imageproc.deadletter;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A queue's RedrivePolicy attribute: after {@code maxReceiveCount} receives a message moves to the queue named by
 * {@code deadLetterTargetArn}.
 */
record RedrivePolicy(String deadLetterQueue, int maxReceiveCount) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The policy in the attribute's JSON; empty for a queue without one (or one this cannot read). */
    static Optional<RedrivePolicy> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode policy = JSON.readTree(json);
            String arn = policy.path("deadLetterTargetArn").asText("");
            // SQS writes the count as a number, some servers as a string
            int max = policy.path("maxReceiveCount").asInt(0);
            if (arn.isEmpty() || max <= 0) {
                return Optional.empty();
            }
            return Optional.of(new RedrivePolicy(arn.substring(arn.lastIndexOf(':') + 1), max));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
