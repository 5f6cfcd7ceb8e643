package org.imageproc.photo;

import java.util.Map;

/**
 * A signed S3 POST form for one new upload: send {@code fields} in their order, then the file as the last field
 * {@code file}, as multipart/form-data to {@code url} before {@code expiresAt}.
 */
public record UploadTicket(String imageID, String url, Map<String, String> fields, String expiresAt) {
}
