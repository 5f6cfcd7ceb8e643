package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static final Box SMALL = new Box(0.4, 0.4, 0.1, 0.1);

    @Test
    void theCutIsShownAsSixtyAndTheEndsStay() {
        Calibration calibration = new Calibration(0, 1, 0, 0, 0.25, 0, Map.of());

        assertThat(calibration.confidence(0.25)).isCloseTo(60, within(1e-9));
        assertThat(calibration.confidence(0.0)).isEqualTo(0);
        assertThat(calibration.confidence(1.0)).isCloseTo(100, within(1e-9));
        assertThat(calibration.confidence(0.125)).isCloseTo(30, within(1e-9));
        assertThat(calibration.confidence(0.625)).isCloseTo(80, within(1e-9));
    }

    @Test
    void theChanceGrowsWithTheScoreAndFallsWithARunnerUpAndAClassOffset() {
        Calibration calibration = new Calibration(-1, 2, -0.5, 0, 0.3, 0, Map.of("dog", -1.0));

        double clear = calibration.probability(new Detection("cat", 0.7, SMALL, 0.05));
        double weaker = calibration.probability(new Detection("cat", 0.5, SMALL, 0.05));
        double ambiguous = calibration.probability(new Detection("cat", 0.7, SMALL, 0.4));
        double dog = calibration.probability(new Detection("dog", 0.7, SMALL, 0.05));

        assertThat(clear).isGreaterThan(weaker).isGreaterThan(0).isLessThan(1);
        assertThat(ambiguous).isLessThan(clear);
        assertThat(dog).isLessThan(clear);
        double z = -1 + 2 * Math.log(0.7 / 0.3) - 0.5 * Math.log(0.05 / 0.95);
        assertThat(clear).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-12));
    }

    @Test
    void aLargeBoxCountsThroughTheAreaWeight() {
        Calibration calibration = new Calibration(0, 1, 0, -2, 0.3, 0, Map.of());

        assertThat(calibration.probability(new Detection("bench", 0.6, new Box(0, 0, 1, 1))))
                .isLessThan(calibration.probability(new Detection("bench", 0.6, SMALL)));
    }

    @Test
    void aPhotoWhoseBestDetectionIsUnderTheGateShowsNothingKnown() {
        Calibration calibration = new Calibration(0, 1, 0, 0, 0.25, 0.5, Map.of());
        Detection weak = new Detection("bear", 0.45, SMALL);
        Detection strong = new Detection("dog", 0.55, SMALL);

        assertThat(calibration.nothingKnown(List.of(weak))).isTrue();
        assertThat(calibration.nothingKnown(List.of())).isTrue();
        assertThat(calibration.nothingKnown(List.of(weak, strong))).isFalse();
        assertThat(new Labeller(calibration).labels(List.of(weak), 10, 0)).isEmpty();
        // past the gate, a photo's weaker labels are judged by the cut alone
        assertThat(new Labeller(calibration).labels(List.of(weak, strong), 10, 60))
                .extracting(DetectedLabel::name).contains("Dog", "Bear");
    }

    @Test
    void parsesTheTableAddingTheCategoryOffsetToTheClassOffset() throws Exception {
        Calibration calibration = Calibration.parse(new BufferedReader(new StringReader("""
                # comment
                model\t-1.5\t2\t-0.25\t-0.5
                cut\t0.2
                gate\t0.4
                class\tdog\t-0.5\t-0.25
                """)));

        assertThat(calibration.intercept()).isEqualTo(-1.5);
        assertThat(calibration.runnerUp()).isEqualTo(-0.25);
        assertThat(calibration.cut()).isEqualTo(0.2);
        assertThat(calibration.gate()).isEqualTo(0.4);
        assertThat(calibration.offsets()).containsExactly(Map.entry("dog", -0.75));
        assertThatThrownBy(() -> Calibration.parse(new BufferedReader(new StringReader("cut\t0.2\n"))))
                .hasMessageContaining("no model");
    }

    @Test
    void theBundledTableCoversEveryClassAndKeepsTheCutBetweenZeroAndOne() {
        Calibration bundled = Calibration.load();

        assertThat(bundled.offsets().keySet()).containsExactlyInAnyOrderElementsOf(CocoClasses.NAMES);
        assertThat(bundled.cut()).isStrictlyBetween(0.0, 1.0);
        assertThat(bundled.gate()).isBetween(bundled.cut(), 1.0);
        assertThat(bundled.score()).isPositive();
    }
}
