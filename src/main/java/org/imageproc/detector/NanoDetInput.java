package org.imageproc.detector;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The model's input: the upright picture stretched to a square, BGR, normalised per channel with upstream's mean and
 * standard deviation, channels first (NCHW). Upstream letterboxes instead (aspect ratio kept, black borders); on the
 * evaluation set that found fewer main subjects with as many wrong labels, so the whole square is used.
 */
public final class NanoDetInput {

    private static final float[] MEAN_BGR = {103.53f, 116.28f, 123.675f};
    private static final float[] STD_BGR = {57.375f, 57.12f, 58.395f};

    private NanoDetInput() {
    }

    /** {@code 3 x size x size} floats, channel B first. */
    public static float[] of(Picture picture, int size) {
        return normalise(square(picture.upright(), size), size);
    }

    public static BufferedImage square(BufferedImage picture, int size) {
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            // transparent PNG pixels count as white, as a viewer shows them
            g.drawImage(picture, 0, 0, size, size, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return square;
    }

    public static float[] normalise(BufferedImage bgr, int size) {
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        int plane = size * size;
        float[] input = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                input[c * plane + p] = ((pixels[3 * p + c] & 0xFF) - MEAN_BGR[c]) / STD_BGR[c];
            }
        }
        return input;
    }
}
