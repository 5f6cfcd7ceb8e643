package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imageproc.metadata.ImageCheck;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.metadata.MetadataReader;
import org.imageproc.thumbnail.Thumbnail;
import org.imageproc.thumbnail.ThumbnailMaker;

/** The compute the pipeline does for one image, with the service's settings: metadata, check, upright thumbnail. */
final class PerImageWork {

    private static final int THUMBNAIL_BOX = 250;

    private final MetadataReader reader = new MetadataReader();
    private final ImageCheck check = new ImageCheck(100_000_000L);
    private final ThumbnailMaker maker = new ThumbnailMaker(THUMBNAIL_BOX);

    /** @throws IllegalStateException when the thumbnail is not the upright, box-filling size the metadata implies */
    Thumbnail process(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ImageMetadata metadata = reader.read(bytes);
        check.check(metadata);
        Thumbnail thumbnail = maker.make(bytes, metadata.format(), metadata.orientation());
        verify(file, metadata, thumbnail);
        return thumbnail;
    }

    // a benchmark of wrong output is worthless, so every round checks the result's shape
    private static void verify(Path file, ImageMetadata metadata, Thumbnail thumbnail) {
        boolean fillsBox = Math.max(thumbnail.width(), thumbnail.height()) == THUMBNAIL_BOX;
        boolean upright = (thumbnail.width() >= thumbnail.height()) == (metadata.width() >= metadata.height());
        if (!fillsBox || !upright || thumbnail.bytes().length == 0) {
            throw new IllegalStateException(file + ": thumbnail " + thumbnail.width() + "x" + thumbnail.height()
                    + " for a displayed " + metadata.width() + "x" + metadata.height() + " image");
        }
    }
}
