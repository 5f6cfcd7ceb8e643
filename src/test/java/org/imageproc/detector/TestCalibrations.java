package org.imageproc.detector;

import java.util.Map;

/** Calibrations for tests that need predictable confidences. */
final class TestCalibrations {

    /** The chance of being right is the raw score itself, and raw 0.38 is shown as confidence 60. */
    static final Calibration RAW_SCORE = new Calibration(0, 1, 0, 0, 0.38, 0, Map.of());

    private TestCalibrations() {
    }
}
