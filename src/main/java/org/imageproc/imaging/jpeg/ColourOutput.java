package org.imageproc.imaging.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/** Turns the decoded components into an image: chroma upsampled (triangle filter), YCbCr converted to RGB. */
final class ColourOutput {

    /** How the three components of a colour JPEG are coded. */
    enum Transform { YCBCR, RGB }

    private ColourOutput() {
    }

    static BufferedImage render(Frame frame, Transform transform) {
        int width = frame.scaledWidth();
        int height = frame.scaledHeight();
        Component[] components = frame.components;
        if (components.length == 1) {
            BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] out = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < height; y++) {
                System.arraycopy(components[0].samples, y * components[0].stride, out, y * width, width);
            }
            return gray;
        }
        ComponentRows[] rows = new ComponentRows[3];
        for (int i = 0; i < 3; i++) {
            rows[i] = new ComponentRows(components[i], frame.maxH / components[i].h, frame.maxV / components[i].v,
                    width, height);
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

    /**
     * One component's samples a row at a time at the full output size: a component sampled at 1/fx by 1/fy is
     * upsampled with each sample centred on its pixels (bilinear, vertically first, in 8-bit fixed point).
     */
    private static final class ComponentRows {

        private final Component c;
        private final boolean full;
        private final int[] row;
        private int[] x0;
        private int[] x1;
        private int[] wx;
        private int[] y0;
        private int[] y1;
        private int[] wy;
        private int[] column;

        ComponentRows(Component c, int fx, int fy, int width, int height) {
            this.c = c;
            full = fx == 1 && fy == 1;
            row = new int[width];
            if (!full) {
                int validWidth = Math.min(Component.ceilDiv(width, fx), c.stride);
                int validHeight = Math.min(Component.ceilDiv(height, fy), c.samples.length / c.stride);
                x0 = new int[width];
                x1 = new int[width];
                wx = new int[width];
                taps(fx, validWidth, x0, x1, wx);
                y0 = new int[height];
                y1 = new int[height];
                wy = new int[height];
                taps(fy, validHeight, y0, y1, wy);
                column = new int[validWidth];
            }
        }

        /** The samples of output row y, 0-255; the array is reused for the next row. */
        int[] row(int y) {
            byte[] in = c.samples;
            int width = row.length;
            if (full) {
                int at = y * c.stride;
                for (int x = 0; x < width; x++) {
                    row[x] = in[at + x] & 0xFF;
                }
                return row;
            }
            int top = y0[y] * c.stride;
            int bottom = y1[y] * c.stride;
            int w = wy[y];
            for (int x = 0; x < column.length; x++) {
                column[x] = (in[top + x] & 0xFF) * (256 - w) + (in[bottom + x] & 0xFF) * w;
            }
            for (int x = 0; x < width; x++) {
                row[x] = (column[x0[x]] * (256 - wx[x]) + column[x1[x]] * wx[x] + (1 << 15)) >> 16;
            }
            return row;
        }
    }

    /** For each output position: the two source samples around it and the second one's weight out of 256. */
    private static void taps(int factor, int valid, int[] first, int[] second, int[] weight) {
        for (int i = 0; i < first.length; i++) {
            double source = (i + 0.5) / factor - 0.5;
            int lower = (int) Math.floor(source);
            int w = (int) Math.round((source - lower) * 256);
            first[i] = Math.max(0, Math.min(lower, valid - 1));
            second[i] = Math.max(0, Math.min(lower + 1, valid - 1));
            weight[i] = w;
        }
    }
}
