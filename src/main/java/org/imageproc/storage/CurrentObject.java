package org.imageproc.storage;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Asks S3 whether an object is still the version a run read: a HEAD with If-Match on the run's ETag. */
public class CurrentObject {

    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final String bucket;

    public CurrentObject(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** False when the key now holds other bytes or nothing at all. */
    public boolean isCurrent(String key, String eTag) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key).ifMatch(quoted(eTag)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the key holds any object at all. */
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static String quoted(String eTag) {
        return eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
    }
}
