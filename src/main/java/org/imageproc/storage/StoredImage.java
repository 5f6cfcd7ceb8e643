package org.imageproc.storage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * An uploaded object as read, once, from S3.
 *
 * @param userMetadata the object's user metadata (x-amz-meta-*), keys in lower case
 */
public record StoredImage(String bucket, String key, byte[] bytes, Map<String, String> userMetadata,
        Instant lastModified, String eTag) {

    /** The same object without its bytes, for the rest of a run once the image is decoded. */
    public StoredImage withoutBytes() {
        return new StoredImage(bucket, key, new byte[0], userMetadata, lastModified, eTag);
    }

    /** The uploading user, from the {@code userid} metadata the web app sets; null for other uploads. */
    public String userId() {
        return userMetadata.get("userid");
    }

    /** The file's name on the uploader's machine, from the {@code filename} metadata the web app sets; else null. */
    public String fileName() {
        String encoded = userMetadata.get("filename");
        try {
            return encoded == null ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    /** The album, from the {@code albumid} metadata the web app sets; null for other uploads. */
    public String albumId() {
        return userMetadata.get("albumid");
    }
}
