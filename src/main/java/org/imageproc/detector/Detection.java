package org.imageproc.detector;

/**
 * One object the model found.
 *
 * @param className the model's class name (COCO: "person", "cell phone")
 * @param score     the model's raw score, 0-1, before calibration
 */
public record Detection(String className, double score, Box box) {
}
