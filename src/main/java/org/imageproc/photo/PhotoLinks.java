package org.imageproc.photo;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Short-lived presigned URLs, only ever for keys under the incoming and thumbnail prefixes: the browser reads
 * originals and thumbnails and uploads new photos without the bucket being public.
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

    /** A PUT of a new upload carrying the user metadata the pipeline files it by, as the seed's app sends it. */
    public UploadTicket upload(String imageId, String userId, String albumId) {
        PresignedPutObjectRequest put = presigner.presignPutObject(r -> r.signatureDuration(lifetime)
                .putObjectRequest(o -> o.bucket(bucket).key(incomingPrefix + imageId)
                        .metadata(Map.of("userid", userId, "albumid", albumId))));
        Map<String, String> headers = put.signedHeaders().entrySet().stream()
                .filter(header -> !header.getKey().equalsIgnoreCase("host"))
                .collect(Collectors.toMap(Map.Entry::getKey, header -> String.join(",", header.getValue())));
        return new UploadTicket(imageId, put.url().toString(), headers, put.expiration().toString());
    }

    private String get(String key) {
        return presigner.presignGetObject(r -> r.signatureDuration(lifetime)
                .getObjectRequest(o -> o.bucket(bucket).key(key))).url().toString();
    }
}
