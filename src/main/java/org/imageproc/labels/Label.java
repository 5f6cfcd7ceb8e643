package org.imageproc.labels;

import java.util.List;

/**
 * One detected label, as Rekognition names it.
 *
 * @param confidence 0-100
 * @param instances  where the label's objects are, empty for labels without boxes
 */
public record Label(String name, double confidence, List<String> parents, List<LabelInstance> instances) {
}
