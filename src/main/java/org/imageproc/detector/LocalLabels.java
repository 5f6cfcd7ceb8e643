package org.imageproc.detector;

import java.util.List;

import org.imageproc.imaging.ImageFormat;

/** DetectLabels done locally: the object detector's findings above the request's threshold, labelled. */
public final class LocalLabels implements AutoCloseable {

    /** Below this raw score the model's guesses are noise (never right on the evaluation set); none is reported. */
    public static final double MIN_RAW_SCORE = 0.15;

    private final ObjectDetector detector;
    private final Labeller labeller;

    public LocalLabels(ObjectDetector detector) {
        this(detector, Calibration.load());
    }

    public LocalLabels(ObjectDetector detector, Calibration calibration) {
        this.detector = detector;
        this.labeller = new Labeller(calibration);
    }

    public String modelVersion() {
        return detector.modelVersion();
    }

    /**
     * @throws org.imageproc.run.ImageRejectedException when the pixels cannot be decoded
     */
    public List<DetectedLabel> detect(byte[] image, ImageFormat format, int maxLabels, double minConfidence) {
        // the confidence depends on the class and the box too, so the model's threshold is its floor
        return labeller.labels(detector.detect(image, format, MIN_RAW_SCORE), maxLabels, minConfidence);
    }

    @Override
    public void close() {
        detector.close();
    }
}
