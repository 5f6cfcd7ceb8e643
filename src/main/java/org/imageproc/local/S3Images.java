package org.imageproc.local;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads DetectLabels' S3Object images from the embedded S3, refusing what Rekognition would refuse. */
final class S3Images implements AutoCloseable {

    /** Rekognition's limit for an image in S3. */
    static final long MAX_BYTES = 15L * 1024 * 1024;

    private final S3Client s3;

    S3Images(S3Client s3) {
        this.s3 = s3;
    }

    byte[] read(String bucket, String key) {
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key));
            if (head.contentLength() > MAX_BYTES) {
                throw new RekognitionError(RekognitionError.IMAGE_TOO_LARGE, "s3://" + bucket + "/" + key + " is "
                        + head.contentLength() + " bytes; Rekognition takes at most " + MAX_BYTES + " from S3");
            }
            return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw missing(bucket, key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(bucket, key);
            }
            throw e;
        }
    }

    private static RekognitionError missing(String bucket, String key) {
        return new RekognitionError(RekognitionError.INVALID_S3_OBJECT,
                "Unable to get object metadata from S3: s3://" + bucket + "/" + key + " does not exist");
    }

    @Override
    public void close() {
        s3.close();
    }
}
