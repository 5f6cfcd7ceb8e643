package org.imageproc.photo;

import java.util.Map;

/**
 * One photo as the web app shows it: everything stored on its ImageMetadata item, and short-lived links to the
 * original, the thumbnail (null while there is none) and the original as a download under its file name.
 */
public record Photo(String imageID, Map<String, Object> item, String imageUrl, String thumbnailUrl,
        String downloadUrl) {
}
