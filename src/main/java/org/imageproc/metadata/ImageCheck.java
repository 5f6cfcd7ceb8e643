package org.imageproc.metadata;

import java.util.Locale;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.run.Variables;

/**
 * Decides from the metadata alone whether an image may be processed (an accepted format, within the pixel limit);
 * refuses it with a reason a person understands.
 */
public final class ImageCheck {

    private static final double PIXELS_PER_MEGAPIXEL = 1_000_000d;

    private final long maxPixels;
    private final AcceptedFormats formats;

    /** Accepts every format the service can decode. */
    public ImageCheck(long maxPixels) {
        this(maxPixels, AcceptedFormats.decodable());
    }

    /** @param maxPixels the largest width x height accepted (the service uses 100 000 000) */
    public ImageCheck(long maxPixels, AcceptedFormats formats) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
        this.formats = formats;
    }

    /** @throws ImageRejectedException when the image is empty, not an image, unsupported, damaged or too large */
    @Handler
    public void check(@Variable(Variables.METADATA) ImageMetadata metadata) {
        ImageFormat format = metadata.format();
        if (metadata.fileSize() == 0) {
            throw new ImageRejectedException(FailureCode.EMPTY_FILE,
                    "The file is empty (0 bytes); upload a " + formats.alternatives() + " image");
        }
        if (format == ImageFormat.UNKNOWN) {
            throw new ImageRejectedException(FailureCode.NOT_AN_IMAGE,
                    "The file is not an image: its content is not in any known image format; upload a "
                            + formats.alternatives() + " image");
        }
        if (!formats.accepts(format)) {
            throw new ImageRejectedException(FailureCode.NOT_SUPPORTED_IMAGE_TYPE,
                    format.displayName() + " images are not supported; upload " + formats.alternatives());
        }
        if (metadata.width() <= 0 || metadata.height() <= 0) {
            throw new ImageRejectedException(FailureCode.CORRUPT_IMAGE,
                    "The " + format.displayName() + " file is damaged: its header does not give the image size");
        }
        long pixels = (long) metadata.width() * metadata.height();
        if (pixels > maxPixels) {
            throw new ImageRejectedException(FailureCode.IMAGE_TOO_LARGE,
                    "The image is " + metadata.width() + " x " + metadata.height() + " pixels ("
                            + megapixels(pixels) + " MP); the limit is " + megapixels(maxPixels) + " MP");
        }
    }

    /** Whole megapixels where exact (400), otherwise one decimal (12.2). */
    private static String megapixels(long pixels) {
        if (pixels % 1_000_000 == 0) {
            return Long.toString(pixels / 1_000_000);
        }
        return String.format(Locale.ROOT, "%.1f", pixels / PIXELS_PER_MEGAPIXEL);
    }
}
