package org.imageproc.photo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Issues the browser's upload form for one new photo: S3 takes it only for the issued key, content type and owner
 * metadata, a file of 1 byte to the configured limit, and only until it expires.
 */
public class UploadTickets {

    /** The content types a ticket is issued for: the formats the pipeline processes. */
    public static final Set<String> CONTENT_TYPES = Set.of("image/jpeg", "image/png");
    /** S3 answers a stored upload with 204 No Content; the browser needs nothing more. */
    static final String SUCCESS_STATUS = "204";
    /** The user metadata key of the uploaded file's original name. */
    public static final String FILE_NAME = "filename";

    private final PresignedPost post;
    private final String incomingPrefix;
    private final long maxBytes;
    private final Duration lifetime;

    public UploadTickets(PresignedPost post, String incomingPrefix, long maxBytes, Duration lifetime) {
        this.post = post;
        this.incomingPrefix = incomingPrefix;
        this.maxBytes = maxBytes;
        this.lifetime = lifetime;
    }

    /**
     * The form for {@code Incoming/<imageId>}, carrying the user metadata the pipeline files the photo by, and the
     * file's name percent-encoded (S3 user metadata is US-ASCII), as {@link #FILE_NAME}.
     */
    public UploadTicket issue(String imageId, String contentType, String userId, String albumId, String fileName) {
        if (!CONTENT_TYPES.contains(contentType)) {
            throw new IllegalArgumentException("No upload ticket for content type " + contentType);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", incomingPrefix + imageId);
        fields.put("Content-Type", contentType);
        fields.put("x-amz-meta-userid", userId);
        fields.put("x-amz-meta-albumid", albumId);
        if (fileName != null && !fileName.isBlank()) {
            fields.put("x-amz-meta-" + FILE_NAME, URLEncoder.encode(fileName, StandardCharsets.UTF_8));
        }
        fields.put("success_action_status", SUCCESS_STATUS);
        PostForm form = post.sign(fields, 1, maxBytes, lifetime);
        return new UploadTicket(imageId, form.url().toString(), form.fields(), form.expiresAt().toString());
    }
}
