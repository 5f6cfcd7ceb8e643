package org.imageproc.labels;

import java.util.List;

/** The label step's result; {@code skipped} when label detection is switched off. */
public record DetectedLabels(List<Label> labels, String modelVersion, boolean skipped) {

    public static DetectedLabels skippedResult() {
        return new DetectedLabels(List.of(), null, true);
    }

    /** The label names, most confident first, as the seed's {@code tags} attribute. */
    public List<String> tags() {
        return labels.stream().map(Label::name).toList();
    }
}
