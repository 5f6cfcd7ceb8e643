package org.imageproc.detector;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.Orientation;
import org.imageproc.imaging.Size;
import org.imageproc.imaging.SubsampledReader;

/**
 * A JPEG or PNG decoded for the detector: shrunk on load (never at full 12 MP) and turned upright by its EXIF
 * orientation, as Rekognition does for JPEG, so that boxes are relative to the picture as a person sees it.
 *
 * @param upright the decoded pixels, upright
 * @param width   the full picture's width as displayed
 * @param height  the full picture's height as displayed
 */
public record Picture(BufferedImage upright, int width, int height) {

    /** Below this many pixels on its shorter side a picture is too small to name anything in it. */
    public static final int MIN_SIDE = 64;

    /** Whether the picture is too small to name anything in it. */
    public boolean tooSmall() {
        return Math.min(width, height) < MIN_SIDE;
    }

    /**
     * @param side the model input's side: the picture is decoded at no less than twice that where it is larger
     * @throws org.imageproc.run.ImageRejectedException when the pixels cannot be decoded
     */
    public static Picture decode(byte[] bytes, ImageFormat format, int side) {
        BufferedImage stored;
        Size size;
        try (SubsampledReader reader = SubsampledReader.open(bytes, format)) {
            size = reader.size();
            stored = reader.read(size.subsamplingFor(new Size(side, side)));
        }
        Orientation orientation = Orientation.fromExif(format == ImageFormat.JPEG ? exifOrientation(bytes) : null);
        BufferedImage upright = orientation.apply(stored);
        return orientation.swapsAxes() ? new Picture(upright, size.height(), size.width())
                : new Picture(upright, size.width(), size.height());
    }

    /** The EXIF orientation of a JPEG, null when absent or unreadable (then the pixels are taken as upright). */
    private static Integer exifOrientation(byte[] jpeg) {
        try {
            Metadata metadata = JpegMetadataReader.readMetadata(new ByteArrayInputStream(jpeg), List.of(new ExifReader()));
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            return ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return null;
        }
    }
}
