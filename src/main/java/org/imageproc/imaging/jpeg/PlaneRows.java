package org.imageproc.imaging.jpeg;

/**
 * One component's samples resampled to the output size a row at a time, straight from its plane: shrunk by area
 * averaging, enlarged (subsampled chroma) by a triangle filter with each sample centred on its pixels, in 8-bit
 * fixed point along each axis, vertically first. At the decoded size this is plain chroma upsampling, and the
 * full-size colour image a later resize would need is never made.
 */
final class PlaneRows {

    private final Component c;
    private final ResamplingTaps across;
    private final ResamplingTaps down;
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
        across = new ResamplingTaps(validWidth, extentWide / fx, width);
        down = new ResamplingTaps(validHeight, extentHigh / fy, height);
        identity = across.identity() && down.identity();
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
        int first = down.start(y);
        int[] vertical = down.weights();
        int taps = down.taps();
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
        int[] start = across.starts();
        int[] horizontal = across.weights();
        int width = across.taps();
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
}
