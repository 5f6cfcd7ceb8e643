package org.imageproc.detector;

/** A box relative to the image (0-1), as Rekognition's BoundingBox. */
public record Box(double left, double top, double width, double height) {

    /** Intersection over union with another box. */
    double iou(Box other) {
        double w = Math.min(left + width, other.left + other.width) - Math.max(left, other.left);
        double h = Math.min(top + height, other.top + other.height) - Math.max(top, other.top);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        return intersection / (width * height + other.width * other.height - intersection);
    }
}
