package org.imageproc.thumbnail;

import java.awt.image.BufferedImage;

import org.imageproc.imaging.ImageEncoder;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.Size;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.imaging.WorkingImageReader;

/** Makes an upright thumbnail that fits a square box, in the format of the JPEG or PNG it comes from (JPEG at 0.85). */
public final class ThumbnailMaker {

    private static final float JPEG_QUALITY = 0.85f;

    private final int maxSize;

    /** @param maxSize the longest side of a thumbnail in pixels (the service uses 250) */
    public ThumbnailMaker(int maxSize) {
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maxSize must be positive: " + maxSize);
        }
        this.maxSize = maxSize;
    }

    /**
     * Decodes the file for this thumbnail alone.
     *
     * @param orientation the EXIF orientation from the metadata; null or invalid means stored upright
     * @throws org.imageproc.run.ImageRejectedException (CorruptImage) when no pixels can be decoded
     */
    public Thumbnail make(byte[] bytes, ImageFormat format, Integer orientation) {
        return make(WorkingImageReader.read(bytes, supported(format), orientation, maxSize, PixelBudget.unlimited()),
                format);
    }

    /** Scales the run's working image, already upright; its warnings go with the thumbnail. */
    public Thumbnail make(WorkingImage working, ImageFormat format) {
        supported(format);
        Size target = working.displayed().fitWithin(maxSize);
        BufferedImage pixels = working.pixels();
        BufferedImage thumbnail = pixels.getWidth() == target.width() && pixels.getHeight() == target.height()
                ? pixels : WorkingImageReader.scale(pixels, target, format);
        return new Thumbnail(ImageEncoder.encode(thumbnail, format, JPEG_QUALITY), format.mimeType(),
                thumbnail.getWidth(), thumbnail.getHeight(), working.warnings());
    }

    private static ImageFormat supported(ImageFormat format) {
        if (!format.supported()) {
            throw new IllegalArgumentException("Thumbnails are made from JPEG and PNG only, not " + format.displayName());
        }
        return format;
    }
}
