package org.imageproc.imaging.jpeg;

/**
 * One component's samples resampled to the output size a row at a time, straight from its plane: shrunk by area
 * averaging, enlarged (subsampled chroma) by a triangle filter with each sample centred on its pixels, in 8-bit
 * fixed point along each axis, vertically first. At the decoded size this is plain chroma upsampling, and the
 * full-size colour image a later resize would need is never made.
 */
final class PlaneRows {

    private static final int ONE = 256;

    private final Component c;
    private final Taps across;
    private final Taps down;
    private final boolean identity;
    private final int[] column;
    private final int[] row;

    /**
     * @param fx the component's horizontal subsampling (the frame's largest sampling factor over its own)
     * @param fy the same vertically
     * @param extentWide the image's width in decoded samples (see ColourOutput)
     * @param extentHigh its height in decoded samples
     */
    PlaneRows(Component c, int fx, int fy, double extentWide, double extentHigh, int width, int height) {
        this.c = c;
        int validWidth = Math.min((int) Math.ceil(extentWide / fx), c.stride);
        int validHeight = Math.min((int) Math.ceil(extentHigh / fy), c.samples.length / c.stride);
        across = new Taps(validWidth, extentWide / fx, width);
        down = new Taps(validHeight, extentHigh / fy, height);
        identity = across.identity && down.identity;
        column = new int[validWidth];
        row = new int[width];
    }

    /** The samples of output row y, 0-255; the array is reused for the next row. */
    int[] row(int y) {
        byte[] in = c.samples;
        int stride = c.stride;
        if (identity) {
            int at = y * stride;
            for (int x = 0; x < row.length; x++) {
                row[x] = in[at + x] & 0xFF;
            }
            return row;
        }
        int first = down.start[y];
        int[] vertical = down.weights;
        int taps = down.taps;
        for (int t = 0; t < taps; t++) {
            int weight = vertical[y * taps + t];
            int at = (first + t) * stride;
            if (t == 0) {
                for (int x = 0; x < column.length; x++) {
                    column[x] = (in[at + x] & 0xFF) * weight;
                }
            } else if (weight != 0) {
                for (int x = 0; x < column.length; x++) {
                    column[x] += (in[at + x] & 0xFF) * weight;
                }
            }
        }
        int[] start = across.start;
        int[] horizontal = across.weights;
        int width = across.taps;
        // the usual widths spelt out: a loop of two or three turns per pixel costs more than the sums themselves
        if (width == 2) {
            for (int x = 0; x < row.length; x++) {
                int at = start[x];
                row[x] = (column[at] * horizontal[2 * x] + column[at + 1] * horizontal[2 * x + 1] + (1 << 15)) >> 16;
            }
        } else if (width == 3) {
            for (int x = 0; x < row.length; x++) {
                int at = start[x];
                int w = 3 * x;
                row[x] = (column[at] * horizontal[w] + column[at + 1] * horizontal[w + 1]
                        + column[at + 2] * horizontal[w + 2] + (1 << 15)) >> 16;
            }
        } else {
            for (int x = 0, w = 0; x < row.length; x++) {
                int at = start[x];
                int sum = 1 << 15;
                for (int t = 0; t < width; t++, w++) {
                    sum += column[at + t] * horizontal[w];
                }
                row[x] = sum >> 16;
            }
        }
        return row;
    }

    /**
     * For each output position along one axis: the same number of samples from a start, with each one's weight out
     * of 256 (0 for those it does not use).
     */
    private static final class Taps {

        final int taps;
        final int[] start;
        final int[] weights;
        final boolean identity;

        /**
         * @param valid  the samples there are along the axis
         * @param extent the axis's length in samples (fractional for chroma of an odd-sized image)
         * @param m      the output positions
         */
        Taps(int valid, double extent, int m) {
            double scale = extent / m;
            // an area of scale samples touches at most ceil(scale) + 1 of them; the triangle filter takes two
            taps = Math.min(valid, scale > 1 ? (int) Math.ceil(scale) + 1 : 2);
            start = new int[m];
            weights = new int[m * taps];
            int[] index = new int[taps + 1];
            int[] weight = new int[taps + 1];
            boolean same = m == valid;
            for (int i = 0; i < m; i++) {
                int count = scale > 1 ? box(i, scale, valid, index, weight) : triangle(i, scale, valid, index, weight);
                start[i] = Math.min(index[0], valid - taps);
                for (int k = 0; k < count; k++) {
                    weights[i * taps + index[k] - start[i]] += weight[k];
                }
                same &= index[0] == i && weight[0] == ONE;
            }
            identity = same;
        }

        /**
         * Output i as the mean of the samples under [i * scale, (i + 1) * scale), weights rounded to add up to one;
         * returns how many samples it takes.
         */
        private static int box(int i, double scale, int valid, int[] index, int[] weight) {
            double from = i * scale;
            double to = Math.min((i + 1) * scale, valid);
            int first = Math.min((int) Math.floor(from), valid - 1);
            int last = Math.max(first, Math.min((int) Math.ceil(to) - 1, valid - 1));
            double covered = 0;
            int given = 0;
            double total = Math.max(to - from, 1e-9);
            for (int j = first; j <= last; j++) {
                covered += Math.max(0, Math.min(to, j + 1) - Math.max(from, j));
                int upTo = j == last ? ONE : (int) Math.round(covered / total * ONE);
                index[j - first] = j;
                weight[j - first] = upTo - given;
                given = upTo;
            }
            return last - first + 1;
        }

        /** Output i between the two samples around its centre, as the decoder upsamples chroma. */
        private static int triangle(int i, double scale, int valid, int[] index, int[] weight) {
            double source = (i + 0.5) * scale - 0.5;
            int lower = (int) Math.floor(source);
            int w = (int) Math.round((source - lower) * ONE);
            index[0] = Math.max(0, Math.min(lower, valid - 1));
            index[1] = Math.max(0, Math.min(lower + 1, valid - 1));
            weight[0] = ONE - w;
            weight[1] = w;
            return index[0] == index[1] ? merge(weight) : 2;
        }

        private static int merge(int[] weight) {
            weight[0] = ONE;
            return 1;
        }
    }
}
