package org.imageproc.run;

import java.time.Instant;

/**
 * One processing run of one upload, like a Step Functions execution. Every write the run makes is conditional on the
 * item still naming {@code executionId}.
 *
 * @param imageId     the key without the incoming prefix; the item's hash key
 * @param executionId a fresh id for this run
 * @param bucket      the configured bucket (events for any other bucket are never processed)
 * @param eTag        the ETag of the object as this run read it, from S3
 * @param version     the upload's place among the uploads of this key ({@link ObjectVersion})
 */
public record Execution(String imageId, String executionId, String bucket, String key, String eTag, String version,
        Instant startedAt) {
}
