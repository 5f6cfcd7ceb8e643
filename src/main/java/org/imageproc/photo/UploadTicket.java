package org.imageproc.photo;

import java.util.Map;

/** A presigned PUT for one new upload: send the file to {@code url} with exactly {@code headers} before {@code expiresAt}. */
public record UploadTicket(String imageID, String url, Map<String, String> headers, String expiresAt) {
}
