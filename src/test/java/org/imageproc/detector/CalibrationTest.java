package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void mapsTheDocumentedKnots() {
        assertThat(Calibration.confidence(0)).isEqualTo(0);
        assertThat(Calibration.confidence(0.20)).isCloseTo(35, within(1e-9));
        assertThat(Calibration.confidence(0.38)).isCloseTo(60, within(1e-9));
        assertThat(Calibration.confidence(0.55)).isCloseTo(85, within(1e-9));
        assertThat(Calibration.confidence(0.80)).isCloseTo(98, within(1e-9));
        assertThat(Calibration.confidence(1)).isEqualTo(100);
    }

    @Test
    void interpolatesBetweenKnotsAndClampsOutsideZeroToOne() {
        assertThat(Calibration.confidence(0.29)).isCloseTo(47.5, within(1e-9));
        assertThat(Calibration.confidence(-0.5)).isEqualTo(0);
        assertThat(Calibration.confidence(1.5)).isEqualTo(100);
    }

    @Test
    void theWeakestMainSubjectPassesTheDefaultMinConfidenceAndTheBenchDoesNot() {
        assertThat(Calibration.confidence(0.418)).isGreaterThan(60);
        assertThat(Calibration.confidence(0.352)).isLessThan(60);
    }

    @Test
    void rawIsTheInverseOfConfidence() {
        for (double raw = 0; raw <= 1.0; raw += 0.05) {
            assertThat(Calibration.raw(Calibration.confidence(raw))).isCloseTo(raw, within(1e-9));
        }
        assertThat(Calibration.raw(60)).isCloseTo(0.38, within(1e-9));
    }

    @Test
    void isStrictlyIncreasing() {
        double previous = -1;
        for (int i = 0; i <= 100; i++) {
            double confidence = Calibration.confidence(i / 100.0);
            assertThat(confidence).isGreaterThan(previous);
            previous = confidence;
        }
    }
}
