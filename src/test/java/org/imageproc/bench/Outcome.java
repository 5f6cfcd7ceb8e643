package org.imageproc.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How an upload ended according to its ImageMetadata item: status, when the run started and finished, the recorded
 * steps in the order they started and, when it failed, why.
 */
record Outcome(Upload upload, String status, Instant startedAt, Instant finishedAt, List<Step> steps, String error) {

    static final String SUCCEEDED = "SUCCEEDED";

    /** One recorded step of the run. */
    record Step(String name, Instant startedAt, long durationMs) {
    }

    boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    /** Upload start to the service's finishedAt: what a user waits for. */
    double latencyMs() {
        return millis(upload.startedAt(), finishedAt);
    }

    /** Upload start to the run's start: storing the object, the notification and the queue. */
    double queuedMs() {
        return millis(upload.startedAt(), startedAt);
    }

    /** The run's start to its finish, inside the service. */
    double runMs() {
        return millis(startedAt, finishedAt);
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
