package org.imageproc.pipeline;

import java.time.Instant;

/**
 * One processing run of one upload, like a Step Functions execution.
 *
 * @param imageId     the key without the incoming prefix; the item's hash key
 * @param executionId a fresh id for this run
 */
public record Execution(String imageId, String executionId, String bucket, String key, String eTag, Instant startedAt) {
}
