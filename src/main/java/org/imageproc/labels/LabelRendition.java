package org.imageproc.labels;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.imageproc.imaging.ImageEncoder;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.Size;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.imaging.WorkingImageReader;

/**
 * The picture label detection is sent: the working image, upright, fitted to a square box and encoded as a JPEG
 * (transparent pixels white, as a viewer shows them). It carries no EXIF, so boxes come back relative to the
 * upright picture.
 */
final class LabelRendition {

    /** High enough that compression never decides what a detector sees; a 832 px picture stays near 100-200 KB. */
    private static final float JPEG_QUALITY = 0.9f;

    private LabelRendition() {
    }

    static byte[] jpeg(WorkingImage working, int box) {
        BufferedImage pixels = working.pixels();
        Size size = new Size(pixels.getWidth(), pixels.getHeight());
        Size target = size.fitWithin(box);
        BufferedImage fitted = target.equals(size) ? pixels
                : WorkingImageReader.scale(pixels, target, working.hasAlpha() ? ImageFormat.PNG : ImageFormat.JPEG);
        return ImageEncoder.encode(opaque(fitted), ImageFormat.JPEG, JPEG_QUALITY);
    }

    private static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha() && image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
