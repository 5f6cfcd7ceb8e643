package org.imageproc.detector;

/** One object of a label: where it is and how sure the model is (0-100). */
public record LabelBox(Box box, double confidence) {
}
