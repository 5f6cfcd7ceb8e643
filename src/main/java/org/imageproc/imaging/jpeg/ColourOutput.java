package org.imageproc.imaging.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/** Turns the decoded components into an image: each resampled to the output size ({@link PlaneRows}), YCbCr converted to RGB. */
final class ColourOutput {

    /** How the three components of a colour JPEG are coded. */
    enum Transform { YCBCR, RGB }

    private ColourOutput() {
    }

    /** At {@code width} x {@code height}: the decoded size, or smaller (resampled straight from the planes). */
    static BufferedImage render(Frame frame, Transform transform, int width, int height) {
        Component[] components = frame.components;
        PlaneRows[] rows = new PlaneRows[components.length];
        for (int i = 0; i < components.length; i++) {
            Component c = components[i];
            rows[i] = new PlaneRows(c, frame.maxH / c.h, frame.maxV / c.v, extent(frame.width, frame, width),
                    extent(frame.height, frame, height), width, height);
        }
        if (components.length == 1) {
            BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] out = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < height; y++) {
                int[] a = rows[0].row(y);
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = (byte) a[x];
                }
            }
            return gray;
        }
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int[] a = rows[0].row(y);
            int[] b = rows[1].row(y);
            int[] c = rows[2].row(y);
            int at = y * width;
            if (transform == Transform.RGB) {
                for (int x = 0; x < width; x++) {
                    out[at + x] = a[x] << 16 | b[x] << 8 | c[x];
                }
            } else {
                for (int x = 0; x < width; x++) {
                    out[at + x] = ycc(a[x], b[x] - 128, c[x] - 128);
                }
            }
        }
        return rgb;
    }

    /**
     * The length of an axis in decoded samples, for resampling to {@code output} positions: the decoded size itself
     * when that is what is asked for (plain upsampling), else the exact scaled length, as the last block of the
     * decoded size may stand for fewer than 8 stored pixels.
     */
    private static double extent(int stored, Frame frame, int output) {
        int decoded = Component.ceilDiv(stored * frame.blockSize, 8);
        return output == decoded ? decoded : stored * frame.blockSize / 8.0;
    }

    /** JFIF's YCbCr to RGB in 16-bit fixed point, rounded as libjpeg rounds. */
    private static int ycc(int y, int cb, int cr) {
        int r = y + ((91881 * cr + 32768) >> 16);
        int g = y + ((-22554 * cb - 46802 * cr + 32768) >> 16);
        int b = y + ((116130 * cb + 32768) >> 16);
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
