package org.imageproc.detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-maximum suppression across classes: of boxes that overlap more than the threshold only the best stays, so one
 * object is never reported as two different things.
 */
public final class Overlaps {

    private Overlaps() {
    }

    public static List<Detection> suppress(List<Detection> detections, double maxIou, int maxDetections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            if (kept.size() == maxDetections) {
                break;
            }
            if (kept.stream().noneMatch(k -> k.box().iou(candidate.box()) > maxIou)) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
