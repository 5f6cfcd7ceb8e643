package org.imageproc.labels;

import org.imageproc.imaging.WorkingImage;

/** Lets the benchmarks time the label step's rendition, which the labels package keeps to itself. */
public final class LabelRenditions {

    private LabelRenditions() {
    }

    /** The JPEG the label step sends DetectLabels as bytes. */
    public static byte[] jpeg(WorkingImage working, int box) {
        return LabelRendition.jpeg(working, box);
    }
}
