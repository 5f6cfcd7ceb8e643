package org.imageproc.imaging;

/** A width and height in pixels. */
public record Size(int width, int height) {

    /** The largest size with this aspect ratio that fits a square box, never larger than this size. */
    public Size fitWithin(int box) {
        double scale = Math.min(1d, Math.min((double) box / width, (double) box / height));
        return new Size(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    /**
     * How many source pixels per decoded pixel still leave at least twice the target size, so the final
     * high-quality downscale has enough detail to work with.
     */
    public int subsamplingFor(Size target) {
        return Math.max(1, Math.min(width / (2 * target.width), height / (2 * target.height)));
    }

    /** This size divided by {@code denominator}, rounded up, as a JPEG decoder scales it. */
    public Size scaledDown(int denominator) {
        return new Size((width + denominator - 1) / denominator, (height + denominator - 1) / denominator);
    }

    /** Whether this size is at least {@code other} along both axes. */
    public boolean covers(Size other) {
        return width >= other.width && height >= other.height;
    }
}
