package org.imageproc.local;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.imageproc.imaging.ObjectBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
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
            try (ResponseInputStream<GetObjectResponse> object = s3.getObject(request -> request.bucket(bucket).key(key))) {
                Long length = object.response().contentLength();
                if (length != null && length > MAX_BYTES) {
                    object.abort();
                    throw tooLarge(bucket, key, length);
                }
                byte[] bytes = ObjectBytes.read(object, length, MAX_BYTES);
                if (bytes.length > MAX_BYTES) {
                    throw tooLarge(bucket, key, bytes.length);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading s3://" + bucket + "/" + key + " failed", e);
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw missing(bucket, key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(bucket, key);
            }
            throw e;
        }
    }

    private static RekognitionError tooLarge(String bucket, String key, long length) {
        return new RekognitionError(RekognitionError.IMAGE_TOO_LARGE, "s3://" + bucket + "/" + key + " is "
                + length + " bytes; Rekognition takes at most " + MAX_BYTES + " from S3");
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
