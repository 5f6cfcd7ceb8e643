package org.imageproc.detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the detections of several views of one picture (boxes already relative to the whole picture), as test-time
 * augmentation does: each detection's score becomes the mean, over the views that cover its box, of the best score
 * its class got at the same place in each (0 in a view that did not see it), so an object seen in one view only is
 * halved while one seen in all keeps its score; then overlapping boxes are suppressed across classes as within one
 * view ({@link Overlaps}).
 */
public final class ViewMerge {

    /** Boxes of one class in two views overlapping at least this much are the same object. */
    static final double SAME_OBJECT_IOU = 0.5;
    /** Rounding room at a view's edges. */
    private static final double EDGE = 1e-6;

    /** One view's detections and the part of the picture it shows. */
    public record View(Box region, List<Detection> detections) {

        /** A view of the whole picture (itself or its mirror image). */
        public static View whole(List<Detection> detections) {
            return new View(new Box(0, 0, 1, 1), detections);
        }

        boolean covers(Box box) {
            return box.left() >= region.left() - EDGE && box.top() >= region.top() - EDGE
                    && box.left() + box.width() <= region.left() + region.width() + EDGE
                    && box.top() + box.height() <= region.top() + region.height() + EDGE;
        }

        double best(Detection d) {
            return detections.stream().filter(o -> o.className().equals(d.className())
                    && o.box().iou(d.box()) >= SAME_OBJECT_IOU).mapToDouble(Detection::score).max().orElse(0);
        }
    }

    private ViewMerge() {
    }

    /** @param views the views, the whole picture's first */
    public static List<Detection> merge(List<View> views, double maxIou, int maxDetections) {
        if (views.size() == 1) {
            return Overlaps.suppress(views.get(0).detections(), maxIou, maxDetections);
        }
        List<Detection> fused = new ArrayList<>();
        for (View view : views) {
            for (Detection d : view.detections()) {
                double sum = 0;
                int covering = 0;
                for (View other : views) {
                    if (other == view || other.covers(d.box())) {
                        sum += other == view ? d.score() : other.best(d);
                        covering++;
                    }
                }
                fused.add(d.withScore(sum / covering));
            }
        }
        fused.sort(Comparator.comparingDouble(Detection::score).reversed());
        return Overlaps.suppress(fused, maxIou, maxDetections);
    }
}
