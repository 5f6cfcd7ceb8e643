package org.imageproc.detector;

import java.util.List;

import org.imageproc.metadata.ImageFormat;

/** DetectLabels done locally: the object detector's findings above the request's threshold, labelled. */
public final class LocalLabels implements AutoCloseable {

    /** Below this raw score (confidence 26) the model's guesses are noise; no request asks for them. */
    private static final double MIN_RAW_SCORE = 0.15;

    private final ObjectDetector detector;
    private final Labeller labeller = new Labeller();

    public LocalLabels(ObjectDetector detector) {
        this.detector = detector;
    }

    public String modelVersion() {
        return detector.modelVersion();
    }

    /**
     * @throws org.imageproc.metadata.ImageRejectedException when the pixels cannot be decoded
     */
    public List<DetectedLabel> detect(byte[] image, ImageFormat format, int maxLabels, double minConfidence) {
        double minScore = Math.max(MIN_RAW_SCORE, Calibration.raw(minConfidence));
        return labeller.labels(detector.detect(image, format, minScore), maxLabels, minConfidence);
    }

    @Override
    public void close() {
        detector.close();
    }
}
