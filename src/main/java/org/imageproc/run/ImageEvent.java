package org.imageproc.run;

import java.time.Instant;

/**
 * One S3 ObjectCreated record for a key under the incoming prefix.
 *
 * @param key     the object key, URL-decoded
 * @param eTag    the object's ETag without quotes; with the key it identifies one upload
 * @param job     the job (reprocess, backfill) that announced the object again, from the message's
 *                {@link #JOB_ATTRIBUTE}; null for S3's own events
 */
public record ImageEvent(String bucket, String key, long size, String eTag, String sequencer, String eventName,
        Instant eventTime, String job) {

    /** The SQS message attribute naming the job of an event the service sent itself. */
    public static final String JOB_ATTRIBUTE = "imageproc-job";
}
