package org.imageproc.job;

import java.util.Optional;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The object a photo's key holds now, as a HEAD sees it: what a job announces again. */
class StoredObjects {

    /** One object: its key, ETag without quotes and size. */
    record Stored(String key, String eTag, long size) {
    }

    private final S3Client s3;
    private final String bucket;

    StoredObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The object, or empty when the key holds none. */
    Optional<Stored> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new Stored(key, head.eTag().replace("\"", ""), head.contentLength()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
