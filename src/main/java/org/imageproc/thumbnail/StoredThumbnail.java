package org.imageproc.thumbnail;

import java.util.List;

/** A thumbnail written to S3, with its pixel size and any warning about the source pixels. */
public record StoredThumbnail(String bucket, String key, int width, int height, List<String> warnings) {
}
