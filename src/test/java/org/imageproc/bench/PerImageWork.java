package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.imageproc.decode.ImageDecoder;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.labels.LabelRenditions;
import org.imageproc.metadata.ImageCheck;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.metadata.MetadataReader;
import org.imageproc.storage.StoredImage;
import org.imageproc.thumbnail.Thumbnail;
import org.imageproc.thumbnail.ThumbnailMaker;

/**
 * The compute the service does for one image, step by step with its settings: read, extract-metadata, check,
 * decode-image (one working image for the thumbnail and the labels), make-thumbnail, and apart from those the label
 * step's rendition.
 */
final class PerImageWork {

    private static final int THUMBNAIL_BOX = 250;

    private final MetadataReader reader = new MetadataReader();
    private final ImageCheck check = new ImageCheck(100_000_000L);
    private final ThumbnailMaker maker = new ThumbnailMaker(THUMBNAIL_BOX);
    private final ImageDecoder decoder;
    private final int labelSize;

    /** @param labelSize imageproc.labels.image-size; 0 as with labels off or read by Rekognition from S3 */
    PerImageWork(int labelSize) {
        this.labelSize = labelSize;
        decoder = new ImageDecoder(labelSize, PixelBudget.ofHeap(Runtime.getRuntime().maxMemory()));
    }

    /** The image's working image, once its thumbnail is made (and checked). */
    WorkingImage thumbnail(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ImageMetadata metadata = reader.read(bytes);
        check.check(metadata);
        WorkingImage working = decoder.decode(new StoredImage("bench", file.toString(), bytes, Map.of(), Instant.EPOCH,
                "bench"), metadata, THUMBNAIL_BOX);
        Thumbnail thumbnail = maker.make(working, metadata.format());
        verify(file, metadata, thumbnail);
        return working;
    }

    /** The JPEG the label step sends, or nothing when labels get no pixels from the run. */
    void labelRendition(Path file, WorkingImage working) {
        if (labelSize > 0) {
            byte[] jpeg = LabelRenditions.jpeg(working, labelSize);
            if (jpeg.length == 0) {
                throw new IllegalStateException(file + ": an empty label rendition");
            }
        }
    }

    int labelSize() {
        return labelSize;
    }

    /** The longest side the working image is decoded for, as ImageDecoder chooses it. */
    int workingBox() {
        return Math.max(THUMBNAIL_BOX, labelSize);
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
