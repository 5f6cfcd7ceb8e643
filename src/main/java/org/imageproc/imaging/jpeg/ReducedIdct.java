package org.imageproc.imaging.jpeg;

/**
 * The inverse DCT of a block's lowest n x n coefficients (n = 2 or 4): the block's pixels at 1/4 or 1/2 scale, as
 * libjpeg's scaled decoding computes them, without ever making the 8 x 8 pixels.
 */
final class ReducedIdct {

    /** The natural (row-major) position of each zigzag index, padded so a damaged run cannot index past it. */
    static final int[] NATURAL = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private final int n;
    /** {@code basis[i * n + u]}: the weight of frequency u at output sample i. */
    private final float[] basis;
    private final float[] rows;

    ReducedIdct(int n) {
        this.n = n;
        basis = new float[n * n];
        rows = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < n; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1;
                basis[i * n + u] = (float) (c * Math.cos((2 * i + 1) * u * Math.PI / (2 * n)) / 2);
            }
        }
    }

    /** How many zigzag positions it takes to reach every coefficient of the top-left n x n. */
    static int zigzagLength(int n) {
        return n == 1 ? 1 : n == 2 ? 5 : 25;
    }

    /** Whether the coefficient at a natural position is one of the n x n this transform uses. */
    static boolean used(int natural, int n) {
        return natural >> 3 < n && (natural & 7) < n;
    }

    /** Writes the n x n samples of one block of quantised coefficients (natural order) into {@code out}. */
    void block(int[] coefficients, int[] quant, byte[] out, int offset, int stride) {
        if (n == 2) {
            twoByTwo(coefficients, quant, out, offset, stride);
            return;
        }
        for (int u = 0; u < n; u++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int v = 0; v < n; v++) {
                    int k = u * 8 + v;
                    sum += coefficients[k] * quant[k] * basis[j * n + v];
                }
                rows[u * n + j] = sum;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 128.5f;
                for (int u = 0; u < n; u++) {
                    sum += basis[i * n + u] * rows[u * n + j];
                }
                out[offset + i * stride + j] = clamp((int) Math.floor(sum));
            }
        }
    }

    /**
     * The 2 x 2 case in integers: every basis weight is +-1/sqrt(8), so each sample is 128.5 plus an eighth of a
     * signed sum of the four coefficients, floored like the general case.
     */
    private static void twoByTwo(int[] coefficients, int[] quant, byte[] out, int offset, int stride) {
        int f00 = coefficients[0] * quant[0];
        int f01 = coefficients[1] * quant[1];
        int f10 = coefficients[8] * quant[8];
        int f11 = coefficients[9] * quant[9];
        int top = f00 + f01 + 1028;
        int topOdd = f00 - f01 + 1028;
        out[offset] = clamp((top + f10 + f11) >> 3);
        out[offset + 1] = clamp((topOdd + f10 - f11) >> 3);
        out[offset + stride] = clamp((top - f10 - f11) >> 3);
        out[offset + stride + 1] = clamp((topOdd - f10 + f11) >> 3);
    }

    static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }
}
