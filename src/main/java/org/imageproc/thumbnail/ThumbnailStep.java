package org.imageproc.thumbnail;

import org.imageproc.metadata.ImageMetadata;
import org.imageproc.pipeline.Execution;
import org.imageproc.storage.StoredImage;

/** Glue between the make-thumbnail route and {@link ThumbnailMaker}: what to scale, and where it goes. */
public class ThumbnailStep {

    private final ThumbnailMaker maker;
    private final String prefix;

    public ThumbnailStep(ThumbnailMaker maker, String prefix) {
        this.maker = maker;
        this.prefix = prefix;
    }

    public Thumbnail make(StoredImage image, ImageMetadata metadata) {
        return maker.make(image.bytes(), metadata.format(), metadata.orientation());
    }

    public String key(Execution execution) {
        return prefix + execution.imageId();
    }

    public StoredThumbnail stored(Execution execution, Thumbnail thumbnail) {
        return new StoredThumbnail(execution.bucket(), key(execution), thumbnail.width(), thumbnail.height(),
                thumbnail.warnings());
    }
}
