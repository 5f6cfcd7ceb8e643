package org.imageproc.thumbnail;

import org.imageproc.metadata.ImageMetadata;
import org.imageproc.pipeline.Execution;
import org.imageproc.storage.StoredImage;

/** Glue between the make-thumbnail route and {@link ThumbnailMaker}: what to scale, how small, and where it goes. */
public class ThumbnailStep {

    private final ThumbnailMaker maker;
    private final String prefix;

    /** @param maker makes thumbnails of the configured size (imageproc.thumbnail.max-size) */
    public ThumbnailStep(ThumbnailMaker maker, String prefix) {
        this.maker = maker;
        this.prefix = prefix;
    }

    /** @param maxSize the flow's own longest side in pixels; null: the configured size */
    public Thumbnail make(StoredImage image, ImageMetadata metadata, Integer maxSize) {
        ThumbnailMaker sized = maxSize == null ? maker : new ThumbnailMaker(maxSize);
        return sized.make(image.bytes(), metadata.format(), metadata.orientation());
    }

    public String key(Execution execution) {
        return prefix + execution.imageId();
    }

    public StoredThumbnail stored(Execution execution, Thumbnail thumbnail) {
        return new StoredThumbnail(execution.bucket(), key(execution), thumbnail.width(), thumbnail.height(),
                thumbnail.warnings());
    }
}
