package org.imageproc.detector;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * Tells pictures that decoded to noise (a damaged file) from photographs: in a photograph, even of sand, foliage or
 * rain, each pixel's brightness is correlated with its neighbours' (0.5 or more on every photo of the evaluation
 * set); in noise it is not (about 0). The
 * picture is judged in 4 x 4 tiles, leaving out flat ones, so that a truncated file whose missing part decoded to
 * one grey still counts as the noise it is.
 */
public final class Noise {

    static final double MIN_NEIGHBOUR_CORRELATION = 0.3;
    private static final int TILES = 4;
    /** Tiles whose brightness varies less than this (standard deviation 2 of 255) are flat: no evidence either way. */
    private static final double FLAT_VARIANCE = 4;

    private Noise() {
    }

    /**
     * @param picture the picture at no more than its own resolution (an enlarged copy makes noise look smooth), such
     *                as the model's square input for a photo larger than it
     */
    public static boolean isNoise(BufferedImage picture) {
        return neighbourCorrelation(picture) < MIN_NEIGHBOUR_CORRELATION;
    }

    /**
     * The median over the tiles that are not flat of the correlation of each pixel's brightness with its right and
     * lower neighbours'; 1 when every tile is flat.
     */
    static double neighbourCorrelation(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        double[] luma = new double[w * h];
        if (picture.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] pixels = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
            for (int p = 0; p < luma.length; p++) {
                luma[p] = 0.114 * (pixels[3 * p] & 0xFF) + 0.587 * (pixels[3 * p + 1] & 0xFF)
                        + 0.299 * (pixels[3 * p + 2] & 0xFF);
            }
        } else {
            for (int p = 0; p < luma.length; p++) {
                int rgb = picture.getRGB(p % w, p / w);
                luma[p] = 0.114 * (rgb & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.299 * (rgb >> 16 & 0xFF);
            }
        }
        double[] correlations = new double[TILES * TILES];
        int textured = 0;
        for (int ty = 0; ty < TILES; ty++) {
            for (int tx = 0; tx < TILES; tx++) {
                double c = tileCorrelation(luma, w, tx * w / TILES, ty * h / TILES, (tx + 1) * w / TILES,
                        (ty + 1) * h / TILES);
                if (!Double.isNaN(c)) {
                    correlations[textured++] = c;
                }
            }
        }
        if (textured == 0) {
            return 1;
        }
        double[] sorted = Arrays.copyOf(correlations, textured);
        Arrays.sort(sorted);
        return textured % 2 == 1 ? sorted[textured / 2] : (sorted[textured / 2 - 1] + sorted[textured / 2]) / 2;
    }

    /** NaN for a flat tile. */
    private static double tileCorrelation(double[] luma, int w, int x0, int y0, int x1, int y1) {
        double sum = 0;
        double sumSquares = 0;
        double products = 0;
        long pairs = 0;
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double v = luma[y * w + x];
                sum += v;
                sumSquares += v * v;
                count++;
                if (x + 1 < x1) {
                    products += v * luma[y * w + x + 1];
                    pairs++;
                }
                if (y + 1 < y1) {
                    products += v * luma[(y + 1) * w + x];
                    pairs++;
                }
            }
        }
        double mean = sum / count;
        double variance = sumSquares / count - mean * mean;
        if (variance < FLAT_VARIANCE || pairs == 0) {
            return Double.NaN;
        }
        return (products / pairs - mean * mean) / variance;
    }
}
