package org.imageproc.detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns detections into Rekognition-style labels: one label per class with its objects as instances (most confident
 * first; the label's confidence is its best object's), calibrated confidences, and every parent listed as a label too
 * (with the confidence of its best child), most confident first; none at all for a photo whose best detection is under
 * the calibration's gate.
 */
public final class Labeller {

    private final Taxonomy taxonomy = Taxonomy.load();
    private final Calibration calibration;

    public Labeller(Calibration calibration) {
        this.calibration = calibration;
    }

    public List<DetectedLabel> labels(List<Detection> detections, int maxLabels, double minConfidence) {
        if (calibration.nothingKnown(detections)) {
            return List.of();
        }
        Map<String, List<LabelBox>> instances = new LinkedHashMap<>();
        detections.stream()
                .map(d -> Map.entry(d, calibration.confidence(d)))
                .filter(e -> e.getValue() >= minConfidence)
                .sorted(Map.Entry.<Detection, Double>comparingByValue().reversed())
                .forEach(e -> instances.computeIfAbsent(e.getKey().className(), c -> new ArrayList<>())
                        .add(new LabelBox(e.getKey().box(), e.getValue())));
        Map<String, DetectedLabel> labels = new LinkedHashMap<>();
        instances.forEach((className, boxes) -> {
            LabelInfo info = taxonomy.forClass(className);
            double confidence = boxes.get(0).confidence();
            labels.merge(info.name(), new DetectedLabel(info.name(), confidence, List.copyOf(boxes), info.parents(),
                    info.categories()), Labeller::better);
            for (String parent : info.parents()) {
                LabelInfo parentInfo = taxonomy.forName(parent);
                labels.merge(parent, new DetectedLabel(parent, confidence, List.of(), parentInfo.parents(),
                        parentInfo.categories()), Labeller::better);
            }
        });
        // stable: a child comes before its parents at the same confidence
        return labels.values().stream()
                .sorted(Comparator.comparingDouble(DetectedLabel::confidence).reversed())
                .limit(maxLabels)
                .toList();
    }

    /** A parent reached from two children keeps the higher confidence; a class that is also a parent keeps its boxes. */
    private static DetectedLabel better(DetectedLabel a, DetectedLabel b) {
        DetectedLabel kept = a.confidence() >= b.confidence() ? a : b;
        List<LabelBox> boxes = a.instances().isEmpty() ? b.instances() : a.instances();
        return new DetectedLabel(kept.name(), kept.confidence(), boxes, kept.parents(), kept.categories());
    }
}
