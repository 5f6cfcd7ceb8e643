package org.imageproc.local;

import java.util.List;

import org.imageproc.detector.DetectedLabel;
import org.imageproc.detector.LabelBox;

/** DetectLabels' response body in Rekognition's shape, written by {@link RekognitionJson}. */
record DetectLabelsResponse(List<Label> labels, String labelModelVersion) {

    record Label(String name, double confidence, List<Instance> instances, List<Name> parents, List<Name> aliases,
            List<Name> categories) {
    }

    record Instance(BoundingBox boundingBox, double confidence) {
    }

    record BoundingBox(double width, double height, double left, double top) {
    }

    /** A parent, alias or category: Rekognition gives each as an object with only a Name. */
    record Name(String name) {
    }

    static DetectLabelsResponse of(List<DetectedLabel> detected, String modelVersion) {
        return new DetectLabelsResponse(detected.stream().map(DetectLabelsResponse::label).toList(), modelVersion);
    }

    private static Label label(DetectedLabel label) {
        return new Label(label.name(), label.confidence(),
                label.instances().stream().map(DetectLabelsResponse::instance).toList(), names(label.parents()),
                List.of(), names(label.categories()));
    }

    private static Instance instance(LabelBox instance) {
        return new Instance(new BoundingBox(instance.box().width(), instance.box().height(), instance.box().left(),
                instance.box().top()), instance.confidence());
    }

    private static List<Name> names(List<String> names) {
        return names.stream().map(Name::new).toList();
    }
}
