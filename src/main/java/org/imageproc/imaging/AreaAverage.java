package org.imageproc.imaging;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

import org.imageproc.imaging.jpeg.ResamplingTaps;

/**
 * Scales pixels down in one pass along each axis, each output pixel the mean of the source area it covers (a box
 * filter with exact fractional coverage): no aliasing at any ratio, and no series of halvings. Transparent images
 * are averaged with premultiplied alpha, so invisible pixels lend no colour.
 */
final class AreaAverage {

    /** Fixed-point bits of the weights along each axis: 8, so two colours fit side by side in one int. */
    private static final int BITS = 8;

    private final int sourceHeight;
    private final int width;
    private final int height;
    private final int channels;
    private final ResamplingTaps across;
    private final ResamplingTaps down;

    private AreaAverage(int sourceWidth, int sourceHeight, Size target, boolean alpha) {
        this.sourceHeight = sourceHeight;
        width = target.width();
        height = target.height();
        channels = alpha ? 4 : 3;
        across = new ResamplingTaps(sourceWidth, sourceWidth, width);
        down = new ResamplingTaps(sourceHeight, sourceHeight, height);
    }

    /**
     * @param alpha whether to keep transparency (an ARGB result) or drop it (RGB)
     * @throws IllegalArgumentException when the target is larger than the source along either axis
     */
    static BufferedImage scale(BufferedImage source, Size target, boolean alpha) {
        if (target.width() > source.getWidth() || target.height() > source.getHeight()) {
            throw new IllegalArgumentException("Area averaging only makes images smaller, not " + source.getWidth()
                    + "x" + source.getHeight() + " into " + target.width() + "x" + target.height());
        }
        return new AreaAverage(source.getWidth(), source.getHeight(), target, alpha).run(new SourceRows(source, alpha));
    }

    /** Streams the source rows once: each is averaged across, then added to the (at most two) output rows it covers. */
    private BufferedImage run(SourceRows source) {
        BufferedImage result = new BufferedImage(width, height,
                channels == 4 ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        int[] row = new int[width * channels];
        int[] current = new int[width * channels];
        int[] next = new int[width * channels];
        int y = 0;
        for (int sy = 0; sy < sourceHeight && y < height; sy++) {
            acrossRow(source.pixels, source.row(sy), row);
            // shrinking, a source row lies in the output row being summed and at most the one after it
            add(current, row, down.weight(y, sy));
            if (y + 1 < height && down.first(y + 1) <= sy) {
                add(next, row, down.weight(y + 1, sy));
            }
            if (sy == down.last(y)) {
                store(current, out, y * width);
                int[] done = current;
                current = next;
                next = done;
                Arrays.fill(next, 0);
                y++;
            }
        }
        return result;
    }

    private void acrossRow(int[] source, int start, int[] row) {
        int[] from = across.starts();
        int[] weights = across.weights();
        int taps = across.taps();
        if (channels == 3) {
            for (int x = 0, w = 0; x < width; x++) {
                int at = start + from[x];
                // red and blue side by side in one int: with weights adding up to 256 neither spills into the other
                int redBlue = 0;
                int green = 0;
                for (int t = 0; t < taps; t++, w++) {
                    int p = source[at + t];
                    int weight = weights[w];
                    redBlue += (p & 0xFF00FF) * weight;
                    green += (p & 0xFF00) * weight;
                }
                row[3 * x] = redBlue >>> 16;
                row[3 * x + 1] = green >>> 8;
                row[3 * x + 2] = redBlue & 0xFFFF;
            }
            return;
        }
        for (int x = 0, w = 0; x < width; x++) {
            int at = start + from[x];
            int a = 0;
            int r = 0;
            int g = 0;
            int b = 0;
            for (int t = 0; t < taps; t++, w++) {
                int p = source[at + t];
                int alpha = p >>> 24;
                int weight = weights[w];
                a += alpha * weight;
                r += premultiply(p >> 16 & 0xFF, alpha) * weight;
                g += premultiply(p >> 8 & 0xFF, alpha) * weight;
                b += premultiply(p & 0xFF, alpha) * weight;
            }
            row[4 * x] = a;
            row[4 * x + 1] = r;
            row[4 * x + 2] = g;
            row[4 * x + 3] = b;
        }
    }

    private static int premultiply(int colour, int alpha) {
        return (colour * alpha + 127) / 255;
    }

    private static void add(int[] sums, int[] row, int weight) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += row[i] * weight;
        }
    }

    private void store(int[] sums, int[] out, int at) {
        int round = 1 << (2 * BITS - 1);
        int shift = 2 * BITS;
        if (channels == 3) {
            for (int x = 0; x < width; x++) {
                int r = (sums[3 * x] + round) >> shift;
                int g = (sums[3 * x + 1] + round) >> shift;
                int b = (sums[3 * x + 2] + round) >> shift;
                out[at + x] = r << 16 | g << 8 | b;
            }
            return;
        }
        for (int x = 0; x < width; x++) {
            int a = (sums[4 * x] + round) >> shift;
            int r = 0;
            int g = 0;
            int b = 0;
            if (a > 0) {
                r = Math.min(255, ((sums[4 * x + 1] + round) >> shift) * 255 / a);
                g = Math.min(255, ((sums[4 * x + 2] + round) >> shift) * 255 / a);
                b = Math.min(255, ((sums[4 * x + 3] + round) >> shift) * 255 / a);
            }
            out[at + x] = a << 24 | r << 16 | g << 8 | b;
        }
    }

    /**
     * The source's rows as packed ints of the result's type: its own array when it is of that type, else converted
     * by Java2D a strip of rows at a time, so a large decode of another type is never copied whole.
     */
    private static final class SourceRows {

        private static final int STRIP = 32;

        private final BufferedImage source;
        private final int width;
        private final BufferedImage strip;
        private int stripTop = -STRIP;
        final int[] pixels;

        SourceRows(BufferedImage source, boolean alpha) {
            this.source = source;
            width = source.getWidth();
            int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
            boolean whole = source.getType() == type && source.getRaster().getParent() == null
                    && source.getRaster().getDataBuffer().getSize() == width * source.getHeight();
            strip = whole ? null : new BufferedImage(width, Math.min(STRIP, source.getHeight()), type);
            pixels = ((DataBufferInt) (whole ? source : strip).getRaster().getDataBuffer()).getData();
        }

        /** Where source row y starts in {@link #pixels}; rows are asked for in order. */
        int row(int y) {
            if (strip == null) {
                return y * width;
            }
            if (y >= stripTop + strip.getHeight()) {
                stripTop = y;
                Graphics2D g = strip.createGraphics();
                try {
                    g.setComposite(AlphaComposite.Src);
                    g.drawImage(source, 0, -y, null);
                } finally {
                    g.dispose();
                }
            }
            return (y - stripTop) * width;
        }
    }
}
