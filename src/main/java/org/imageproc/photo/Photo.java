package org.imageproc.photo;

import java.util.Map;

/**
 * One photo as the web app shows it: everything stored on its ImageMetadata item, and short-lived links to the
 * original and the thumbnail (null while there is none).
 */
public record Photo(String imageID, Map<String, Object> item, String imageUrl, String thumbnailUrl) {
}
