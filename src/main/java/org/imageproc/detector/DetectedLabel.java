package org.imageproc.detector;

import java.util.List;

/**
 * One label as Rekognition's DetectLabels reports it.
 *
 * @param confidence 0-100, calibrated
 * @param instances  the objects; empty for a parent label such as Animal
 */
public record DetectedLabel(String name, double confidence, List<LabelBox> instances, List<String> parents,
        List<String> categories) {
}
