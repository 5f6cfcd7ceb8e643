package org.imageproc.thumbnail;

import org.imageproc.metadata.ImageMetadata;
import org.imageproc.storage.StoredImage;

/** Glue between the make-thumbnail route and {@link ThumbnailMaker}: what to scale and how small. */
public class ThumbnailStep {

    private final ThumbnailMaker maker;

    /** @param maker makes thumbnails of the configured size (imageproc.thumbnail.max-size) */
    public ThumbnailStep(ThumbnailMaker maker) {
        this.maker = maker;
    }

    /** @param maxSize the flow's own longest side in pixels; null: the configured size */
    public Thumbnail make(StoredImage image, ImageMetadata metadata, Integer maxSize) {
        ThumbnailMaker sized = maxSize == null ? maker : new ThumbnailMaker(maxSize);
        return sized.make(image.bytes(), metadata.format(), metadata.orientation());
    }
}
