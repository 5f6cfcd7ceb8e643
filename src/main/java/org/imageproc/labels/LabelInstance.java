package org.imageproc.labels;

/** One object of a label, with its box relative to the image (0-1) as Rekognition reports it. */
public record LabelInstance(double left, double top, double width, double height, double confidence) {
}
