package org.imageproc.metadata;

import java.util.List;

import org.imageproc.imaging.ImageFormat;

/**
 * What the service knows about an image from its bytes and headers, before any pixel is decoded.
 *
 * @param format             detected by content
 * @param width              displayed width (after EXIF orientation); 0 when unknown
 * @param height             displayed height (after EXIF orientation); 0 when unknown
 * @param fileSize           bytes
 * @param exifMake           camera make, trimmed, null when absent
 * @param exifModel          camera model, trimmed, null when absent
 * @param creationTime       DateTimeOriginal as ISO-8601 local date-time (2011-01-13T14:33:39), null when absent
 * @param creationTimeOffset OffsetTimeOriginal (or OffsetTime) such as +02:00, null when absent
 * @param geo                GPS position, null when absent or unusable
 * @param orientation        EXIF orientation 1-8, null when absent or invalid
 * @param sha256             hex digest of the bytes
 * @param warnings           problems found in the metadata that did not stop processing, in plain words
 */
public record ImageMetadata(
        ImageFormat format,
        int width,
        int height,
        long fileSize,
        String exifMake,
        String exifModel,
        String creationTime,
        String creationTimeOffset,
        GeoLocation geo,
        Integer orientation,
        String sha256,
        List<String> warnings) {
}
