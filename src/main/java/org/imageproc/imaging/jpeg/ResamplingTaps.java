package org.imageproc.imaging.jpeg;

/**
 * The filter for resampling one axis: for each output position the same number of samples from a start, each with
 * its weight out of {@link #ONE} (0 for those it does not use). Shrinking averages the area an output covers;
 * enlarging (subsampled chroma) takes the two samples around its centre, as libjpeg's fancy upsampling does.
 */
public final class ResamplingTaps {

    /** The weights of one output position add up to this. */
    public static final int ONE = 256;

    private final int taps;
    private final int[] start;
    private final int[] weights;
    private final boolean identity;

    /**
     * @param valid  the samples there are along the axis
     * @param extent the axis's length in samples (fractional for chroma of an odd-sized image)
     * @param m      the output positions
     */
    public ResamplingTaps(int valid, double extent, int m) {
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

    /** Samples per output position. */
    public int taps() {
        return taps;
    }

    /** The first sample of each output position's taps. */
    public int[] starts() {
        return start;
    }

    /** The first sample of output i's taps. */
    public int start(int i) {
        return start[i];
    }

    /** {@link #taps()} weights to each output position, in order. */
    public int[] weights() {
        return weights;
    }

    /** The weight of sample j in output i; 0 where it takes no part. */
    public int weight(int i, int j) {
        int t = j - start[i];
        return t < 0 || t >= taps ? 0 : weights[i * taps + t];
    }

    /** The first sample with a weight in output i. */
    public int first(int i) {
        int t = 0;
        while (t < taps - 1 && weights[i * taps + t] == 0) {
            t++;
        }
        return start[i] + t;
    }

    /** The last sample with a weight in output i. */
    public int last(int i) {
        int t = taps - 1;
        while (t > 0 && weights[i * taps + t] == 0) {
            t--;
        }
        return start[i] + t;
    }

    /** Whether each output position is its own sample, unweighted. */
    public boolean identity() {
        return identity;
    }
}
