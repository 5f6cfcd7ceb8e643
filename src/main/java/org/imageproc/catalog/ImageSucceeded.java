package org.imageproc.catalog;

import java.util.List;

/**
 * What a SUCCEEDED run produced: the body handed to the announce-success route, which an operator's version may send
 * on as JSON (see docs/routes-examples).
 *
 * @param imageId      the item's key in ImageMetadata
 * @param key          the uploaded object's key
 * @param finishedAt   ISO-8601 instant, as on the item
 * @param tags         the label names, most confident first
 * @param thumbnailKey the thumbnail's key in the same bucket
 */
public record ImageSucceeded(String imageId, String executionId, String bucket, String key, String finishedAt,
        List<String> tags, String thumbnailKey) {
}
