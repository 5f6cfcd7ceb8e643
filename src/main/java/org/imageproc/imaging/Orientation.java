package org.imageproc.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** The eight EXIF orientations, each able to turn stored pixels into the picture as it should be seen. */
public enum Orientation {
    NORMAL, MIRROR_HORIZONTAL, ROTATE_180, MIRROR_VERTICAL, TRANSPOSE, ROTATE_90_CW, TRANSVERSE, ROTATE_270_CW;

    /** Absent or invalid values mean the pixels are stored upright. */
    public static Orientation fromExif(Integer value) {
        return value == null || value < 1 || value > 8 ? NORMAL : values()[value - 1];
    }

    public boolean swapsAxes() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    public BufferedImage apply(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int storedWidth = stored.getWidth();
        int storedHeight = stored.getHeight();
        int width = swapsAxes() ? storedHeight : storedWidth;
        int height = swapsAxes() ? storedWidth : storedHeight;
        Raster source = stored.getRaster();
        WritableRaster target = source.createCompatibleWritableRaster(width, height);
        Object pixel = null;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixel = source.getDataElements(sourceX(x, y, storedWidth), sourceY(x, y, storedHeight), pixel);
                target.setDataElements(x, y, pixel);
            }
        }
        return new BufferedImage(stored.getColorModel(), target, stored.isAlphaPremultiplied(), null);
    }

    /** Column of the stored pixel shown at (x, y). */
    private int sourceX(int x, int y, int storedWidth) {
        return switch (this) {
            case NORMAL, MIRROR_VERTICAL -> x;
            case MIRROR_HORIZONTAL, ROTATE_180 -> storedWidth - 1 - x;
            case TRANSPOSE, ROTATE_90_CW -> y;
            case TRANSVERSE, ROTATE_270_CW -> storedWidth - 1 - y;
        };
    }

    /** Row of the stored pixel shown at (x, y). */
    private int sourceY(int x, int y, int storedHeight) {
        return switch (this) {
            case NORMAL, MIRROR_HORIZONTAL -> y;
            case ROTATE_180, MIRROR_VERTICAL -> storedHeight - 1 - y;
            case TRANSPOSE, ROTATE_270_CW -> x;
            case ROTATE_90_CW, TRANSVERSE -> storedHeight - 1 - x;
        };
    }
}
