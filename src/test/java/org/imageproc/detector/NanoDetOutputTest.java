package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class NanoDetOutputTest {

    private static final List<String> CLASSES = List.of("cat", "dog");
    private static final int BINS = NanoDetOutput.REG_MAX + 1;

    @Test
    void decodesDistancesAsTheSoftmaxExpectationTimesStride() {
        // stride 32 on a 64 px input: a 2x2 grid; only cell 3 (row 1, column 1, centre 48,48) scores
        float[] scores = new float[4 * 2];
        scores[3 * 2 + 1] = 0.7f;
        float[] distances = new float[4 * 4 * BINS];
        Arrays.fill(distances, -100f);
        int cell = 3 * 4 * BINS;
        distances[cell + 1] = 10f;                 // left: bin 1 -> 32 px
        distances[cell + BINS] = 10f;              // top: bins 0 and 1 equally -> 0.5 -> 16 px
        distances[cell + BINS + 1] = 10f;
        distances[cell + 2 * BINS] = 10f;          // right: bin 0 -> 0 px, box ends at the centre
        distances[cell + 3 * BINS + 10] = 10f;     // bottom: bin 10 -> 320 px, clipped to the image

        List<Detection> found = NanoDetOutput.decode(scores, distances, 32, 64, CLASSES, 0.5);

        assertThat(found).hasSize(1);
        Detection dog = found.get(0);
        assertThat(dog.className()).isEqualTo("dog");
        assertThat(dog.score()).isCloseTo(0.7, within(1e-6));
        assertThat(dog.box().left()).isCloseTo(16 / 64.0, within(1e-6));
        assertThat(dog.box().top()).isCloseTo(32 / 64.0, within(1e-6));
        assertThat(dog.box().width()).isCloseTo(32 / 64.0, within(1e-6));
        assertThat(dog.box().height()).isCloseTo(32 / 64.0, within(1e-6));
    }

    @Test
    void scoresBelowTheThresholdAreDropped() {
        float[] scores = new float[4 * 2];
        Arrays.fill(scores, 0.3f);
        float[] distances = new float[4 * 4 * BINS];

        assertThat(NanoDetOutput.decode(scores, distances, 32, 64, CLASSES, 0.31)).isEmpty();
        assertThat(NanoDetOutput.decode(scores, distances, 32, 64, CLASSES, 0.3)).hasSize(4);
    }

    @Test
    void outputsOfTheWrongSizeAreRefused() {
        assertThatThrownBy(() -> NanoDetOutput.decode(new float[7], new float[4 * 4 * BINS], 32, 64, CLASSES, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Stride 32");
    }

    @Test
    void overlapRemovalKeepsTheBestOfOverlappingBoxesWhateverTheirClass() {
        Box a = new Box(0.1, 0.1, 0.4, 0.4);
        Box nearlyA = new Box(0.12, 0.1, 0.4, 0.4);
        Box apart = new Box(0.6, 0.6, 0.3, 0.3);
        List<Detection> kept = Overlaps.suppress(List.of(new Detection("cow", 0.5, nearlyA),
                new Detection("horse", 0.6, a), new Detection("dog", 0.4, apart)), 0.6, 10);

        assertThat(kept).extracting(Detection::className).containsExactly("horse", "dog");
        assertThat(Overlaps.suppress(kept, 0.6, 1)).extracting(Detection::className).containsExactly("horse");
        assertThat(a.iou(apart)).isZero();
        assertThat(a.iou(a)).isCloseTo(1, within(1e-12));
    }
}
