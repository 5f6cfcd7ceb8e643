package org.imageproc.detector;

/**
 * One object the model found.
 *
 * @param className the model's class name (COCO: "person", "cell phone")
 * @param score     the model's raw score, 0-1, before calibration
 * @param runnerUp  the raw score of the second most likely class at the same place, 0-1
 */
public record Detection(String className, double score, Box box, double runnerUp) {

    public Detection(String className, double score, Box box) {
        this(className, score, box, 0);
    }

    /** This detection with its box given relative to the picture that {@code region} is part of. */
    public Detection within(Box region) {
        return new Detection(className, score, box.within(region), runnerUp);
    }

    /** This detection as seen in the mirror image. */
    public Detection mirrored() {
        return new Detection(className, score, box.mirrored(), runnerUp);
    }

    Detection withScore(double fused) {
        return new Detection(className, fused, box, runnerUp);
    }
}
