package org.imageproc.detector;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Tells pictures that decoded to noise (a damaged file) from photographs: in a photograph, even of sand, foliage or
 * rain, each pixel's brightness is strongly correlated with its neighbours' (0.8 or more on every photo of the
 * evaluation set); in noise it is not (about 0).
 */
public final class Noise {

    static final double MIN_NEIGHBOUR_CORRELATION = 0.5;

    private Noise() {
    }

    /** @param bgr a {@link BufferedImage#TYPE_3BYTE_BGR} picture, such as the model's square input */
    public static boolean isNoise(BufferedImage bgr) {
        return neighbourCorrelation(bgr) < MIN_NEIGHBOUR_CORRELATION;
    }

    /** The correlation of each pixel's brightness with its right and lower neighbours'; 1 for a flat picture. */
    static double neighbourCorrelation(BufferedImage bgr) {
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        int w = bgr.getWidth();
        int h = bgr.getHeight();
        double[] luma = new double[w * h];
        for (int p = 0; p < luma.length; p++) {
            luma[p] = 0.114 * (pixels[3 * p] & 0xFF) + 0.587 * (pixels[3 * p + 1] & 0xFF) + 0.299 * (pixels[3 * p + 2] & 0xFF);
        }
        double sum = 0;
        double sumSquares = 0;
        double products = 0;
        long pairs = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = luma[y * w + x];
                sum += v;
                sumSquares += v * v;
                if (x + 1 < w) {
                    products += v * luma[y * w + x + 1];
                    pairs++;
                }
                if (y + 1 < h) {
                    products += v * luma[(y + 1) * w + x];
                    pairs++;
                }
            }
        }
        double mean = sum / luma.length;
        double variance = sumSquares / luma.length - mean * mean;
        if (variance < 1e-6 || pairs == 0) {
            return 1;
        }
        return (products / pairs - mean * mean) / variance;
    }
}
