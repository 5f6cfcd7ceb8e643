package org.imageproc.detector;

/**
 * Maps NanoDet's raw scores (clear subjects score about 0.4-0.85) to a 0-100 confidence on Rekognition's scale,
 * piecewise linearly between fixed knots, so that the default MinConfidence 60 keeps the clear main subjects and
 * drops most background guesses. The knots were set on the nine labelled test photos: the weakest main subject
 * (the dog in darknet-dog.jpg) scores 0.418, the strongest wrong class on a photo with no other errors (a bench)
 * 0.352; raw 0.38 is confidence 60.
 */
public final class Calibration {

    private static final double[] RAW = {0.00, 0.20, 0.38, 0.55, 0.80, 1.00};
    private static final double[] CONFIDENCE = {0, 35, 60, 85, 98, 100};

    private Calibration() {
    }

    public static double confidence(double raw) {
        return interpolate(raw, RAW, CONFIDENCE);
    }

    /** The raw score that calibrates to this confidence: the model's threshold for a request's MinConfidence. */
    public static double raw(double confidence) {
        return interpolate(confidence, CONFIDENCE, RAW);
    }

    /** The piecewise linear function through the knots (from[i], to[i]), constant beyond the first and last. */
    private static double interpolate(double x, double[] from, double[] to) {
        double clamped = Math.max(from[0], Math.min(from[from.length - 1], x));
        int i = 1;
        while (i < from.length - 1 && clamped > from[i]) {
            i++;
        }
        double t = (clamped - from[i - 1]) / (from[i] - from[i - 1]);
        return to[i - 1] + t * (to[i] - to[i - 1]);
    }
}
