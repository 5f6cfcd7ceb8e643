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

    /** This box, relative to {@code region}, made relative to the picture the region is part of. */
    Box within(Box region) {
        return new Box(region.left + left * region.width, region.top + top * region.height, width * region.width,
                height * region.height);
    }

    /** This box in the picture flipped left to right. */
    Box mirrored() {
        return new Box(1 - left - width, top, width, height);
    }
}
