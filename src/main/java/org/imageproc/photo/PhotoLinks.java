package org.imageproc.photo;

import java.time.Duration;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Short-lived presigned GET URLs, only ever for keys under the incoming and thumbnail prefixes: the browser reads
 * originals and thumbnails without the bucket being public (uploads go through {@link UploadTickets}).
 */
public class PhotoLinks {

    private final S3Presigner presigner;
    private final String bucket;
    private final String incomingPrefix;
    private final String thumbnailPrefix;
    private final Duration lifetime;

    public PhotoLinks(S3Presigner presigner, String bucket, String incomingPrefix, String thumbnailPrefix,
            Duration lifetime) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.incomingPrefix = incomingPrefix;
        this.thumbnailPrefix = thumbnailPrefix;
        this.lifetime = lifetime;
    }

    String original(String imageId) {
        return get(incomingPrefix + imageId);
    }

    String thumbnail(String imageId) {
        return get(thumbnailPrefix + imageId);
    }

    private String get(String key) {
        return presigner.presignGetObject(r -> r.signatureDuration(lifetime)
                .getObjectRequest(o -> o.bucket(bucket).key(key))).url().toString();
    }
}
