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
        byte[][] planes = new byte[3][];
        int[] strides = new int[3];
        for (int i = 0; i < 3; i++) {
            Component c = components[i];
            if (c.h == frame.maxH && c.v == frame.maxV) {
                planes[i] = c.samples;
                strides[i] = c.stride;
            } else {
                planes[i] = upsample(c, frame.maxH / c.h, frame.maxV / c.v, width, height);
                strides[i] = width;
            }
        }
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = planes[0][y * strides[0] + x] & 0xFF;
                int b = planes[1][y * strides[1] + x] & 0xFF;
                int c = planes[2][y * strides[2] + x] & 0xFF;
                out[y * width + x] = transform == Transform.RGB ? a << 16 | b << 8 | c : ycc(a, b - 128, c - 128);
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

    /** A component sampled at 1/fx by 1/fy brought to the full output size, each sample centred on its pixels. */
    private static byte[] upsample(Component c, int fx, int fy, int width, int height) {
        int validWidth = Math.min(Component.ceilDiv(width, fx), c.stride);
        int validHeight = Math.min(Component.ceilDiv(height, fy), c.samples.length / c.stride);
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        int[] wx = new int[width];
        taps(fx, validWidth, x0, x1, wx);
        int[] y0 = new int[height];
        int[] y1 = new int[height];
        int[] wy = new int[height];
        taps(fy, validHeight, y0, y1, wy);
        byte[] out = new byte[width * height];
        byte[] in = c.samples;
        for (int y = 0; y < height; y++) {
            int top = y0[y] * c.stride;
            int bottom = y1[y] * c.stride;
            int w = wy[y];
            for (int x = 0; x < width; x++) {
                int upper = (in[top + x0[x]] & 0xFF) * (256 - wx[x]) + (in[top + x1[x]] & 0xFF) * wx[x];
                int lower = (in[bottom + x0[x]] & 0xFF) * (256 - wx[x]) + (in[bottom + x1[x]] & 0xFF) * wx[x];
                out[y * width + x] = (byte) ((upper * (256 - w) + lower * w + (1 << 15)) >> 16);
            }
        }
        return out;
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
