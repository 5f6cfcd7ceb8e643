package org.imageproc.run;

import java.time.Instant;

/**
 * One S3 ObjectCreated record for a key under the incoming prefix.
 *
 * @param key     the object key, URL-decoded
 * @param eTag    the object's ETag without quotes; with the key it identifies one upload
 */
public record ImageEvent(String bucket, String key, long size, String eTag, String sequencer, String eventName,
        Instant eventTime) {
}
