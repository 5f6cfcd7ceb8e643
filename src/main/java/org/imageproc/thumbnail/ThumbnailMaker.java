package org.imageproc.thumbnail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import net.coobird.thumbnailator.Thumbnails;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.Orientation;
import org.imageproc.imaging.Size;
import org.imageproc.imaging.SubsampledReader;

/** Makes an upright thumbnail that fits a square box, in the format of the JPEG or PNG it comes from. */
public final class ThumbnailMaker {

    private final int maxSize;

    /** @param maxSize the longest side of a thumbnail in pixels (the service uses 250) */
    public ThumbnailMaker(int maxSize) {
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maxSize must be positive: " + maxSize);
        }
        this.maxSize = maxSize;
    }

    /**
     * @param orientation the EXIF orientation from the metadata; null or invalid means stored upright
     * @throws org.imageproc.run.ImageRejectedException (CorruptImage) when no pixels can be decoded
     */
    public Thumbnail make(byte[] bytes, ImageFormat format, Integer orientation) {
        if (!format.supported()) {
            throw new IllegalArgumentException("Thumbnails are made from JPEG and PNG only, not " + format.displayName());
        }
        List<String> warnings = new ArrayList<>();
        if (format == ImageFormat.PNG) {
            warnings.addAll(PngChecksums.verify(bytes));
        }
        BufferedImage stored;
        try (SubsampledReader reader = SubsampledReader.open(bytes, format)) {
            Size source = reader.size();
            // the box is square, so fitting before turning the picture upright gives the same size as after
            Size target = source.fitWithin(maxSize);
            stored = scale(reader.readAtLeast(target), target, format);
            warnings.addAll(reader.warnings());
        }
        BufferedImage upright = Orientation.fromExif(orientation).apply(stored);
        return new Thumbnail(ThumbnailEncoder.encode(upright, format), format.mimeType(),
                upright.getWidth(), upright.getHeight(), List.copyOf(warnings));
    }

    /** Thumbnailator reads no EXIF from a BufferedImage, so the orientation is applied once, by us. */
    private static BufferedImage scale(BufferedImage decoded, Size target, ImageFormat format) {
        boolean keepAlpha = format == ImageFormat.PNG && decoded.getColorModel().hasAlpha();
        try {
            return Thumbnails.of(decoded)
                    .forceSize(target.width(), target.height())
                    .imageType(keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException("Scaling an image in memory failed", e);
        }
    }
}
