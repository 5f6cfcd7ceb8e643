package org.imageproc.local;

/** One bucket notification configuration: objects created under the prefix in the bucket go to the publisher. */
record Notification(String bucket, String prefix, S3EventPublisher publisher) {

    boolean matches(String bucketName, String key) {
        return bucket.equals(bucketName) && key != null && key.startsWith(prefix);
    }
}
