package org.imageproc.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Decodes a JPEG or PNG once into a {@link WorkingImage}: shrunk on load, scaled with care to fit a square box, then
 * turned upright. The decode holds its pixels, and the decoder's in-memory copy of the file, from a
 * {@link PixelBudget} while it runs.
 */
public final class WorkingImageReader {

    private WorkingImageReader() {
    }

    /**
     * @param orientation the EXIF orientation from the metadata; null or invalid means stored upright
     * @param box         the longest side wanted; a smaller image keeps its size
     * @throws org.imageproc.run.ImageRejectedException (CorruptImage) when no pixels can be decoded
     */
    public static WorkingImage read(byte[] bytes, ImageFormat format, Integer orientation, int box,
            PixelBudget budget) {
        if (!format.supported()) {
            throw new IllegalArgumentException("Only JPEG and PNG are decoded, not " + format.displayName());
        }
        if (box <= 0) {
            throw new IllegalArgumentException("The box must be positive: " + box);
        }
        List<String> warnings = new ArrayList<>();
        if (format == ImageFormat.PNG) {
            warnings.addAll(PngChecksums.verify(bytes));
        }
        Size stored;
        BufferedImage scaled;
        try (SubsampledReader reader = SubsampledReader.open(bytes, format)) {
            stored = reader.size();
            // the box is square, so fitting before turning the picture upright gives the same size as after
            Size target = stored.fitWithin(box);
            int step = stored.subsamplingFor(target);
            // the larger of ImageIO's subsampled read and the DCT decoder's planes and coefficients
            long pixels = Math.max(decodedPixels(stored, step),
                    ceilDiv(reader.dctBytesNeeded(target), PixelBudget.BYTES_PER_PIXEL));
            try (PixelBudget.Claim claim = budget.claim(pixels + bytes.length / PixelBudget.BYTES_PER_PIXEL)) {
                scaled = fitted(reader.readAtLeast(target), target, format);
            }
            warnings.addAll(reader.warnings());
        }
        Orientation upright = Orientation.fromExif(orientation);
        Size displayed = upright.swapsAxes() ? new Size(stored.height(), stored.width()) : stored;
        return new WorkingImage(upright.apply(scaled), displayed, warnings);
    }

    /** The pixels scaled to the target, unless the decoder made them that size already. */
    private static BufferedImage fitted(BufferedImage decoded, Size target, ImageFormat format) {
        boolean fits = decoded.getWidth() == target.width() && decoded.getHeight() == target.height();
        return fits && decoded.getType() == BufferedImage.TYPE_INT_RGB ? decoded : scale(decoded, target, format);
    }

    static long decodedPixels(Size stored, int step) {
        return (long) ceilDiv(stored.width(), step) * ceilDiv(stored.height(), step);
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }

    /**
     * Scales down by area averaging (an ARGB result for a transparent PNG, RGB otherwise); the orientation is applied
     * once, by the caller. An enlargement, which the service never asks for, is left to Thumbnailator.
     */
    public static BufferedImage scale(BufferedImage decoded, Size target, ImageFormat format) {
        boolean keepAlpha = format == ImageFormat.PNG && decoded.getColorModel().hasAlpha();
        if (new Size(decoded.getWidth(), decoded.getHeight()).covers(target)) {
            return AreaAverage.scale(decoded, target, keepAlpha);
        }
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
