package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.imageproc.detector.ViewMerge.View;
import org.junit.jupiter.api.Test;

class ViewMergeTest {

    private static final Box DOG = new Box(0.1, 0.1, 0.3, 0.3);

    @Test
    void anObjectSeenInEveryViewKeepsItsScoreAndOneSeenInOneIsHalved() {
        List<Detection> merged = ViewMerge.merge(List.of(
                View.whole(List.of(new Detection("dog", 0.8, DOG), new Detection("bear", 0.6, new Box(0.6, 0.6, 0.2, 0.2)))),
                View.whole(List.of(new Detection("dog", 0.6, new Box(0.11, 0.1, 0.3, 0.3))))), 0.6, 100);

        assertThat(merged).extracting(Detection::className).containsExactly("dog", "bear");
        assertThat(merged.get(0).score()).isCloseTo(0.7, within(1e-9));
        assertThat(merged.get(0).box()).isEqualTo(DOG);
        assertThat(merged.get(1).score()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void aTileCountsOnlyForBoxesInsideIt() {
        Box corner = new Box(0.7, 0.7, 0.2, 0.2);
        View tile = new View(new Box(0, 0, 0.6, 0.6), List.of(new Detection("cup", 0.9, new Box(0.1, 0.1, 0.1, 0.1))));

        List<Detection> merged = ViewMerge.merge(List.of(View.whole(List.of(new Detection("dog", 0.8, corner))), tile),
                0.6, 100);

        // the dog lies outside the tile, so only the whole picture judges it; the cup is in both and the whole missed it
        assertThat(merged).extracting(Detection::className, Detection::score)
                .containsExactlyInAnyOrder(tuple("dog", 0.8),
                        tuple("cup", 0.45));
    }

    @Test
    void boxesAreMappedFromATileAndFromTheMirrorImage() {
        Box inTile = new Box(0.5, 0.5, 0.5, 0.5);

        assertThat(new Detection("cat", 0.5, inTile).within(new Box(0.4, 0, 0.6, 0.6)).box())
                .isEqualTo(new Box(0.4 + 0.3, 0.3, 0.3, 0.3));
        assertThat(new Detection("cat", 0.5, new Box(0.1, 0.2, 0.3, 0.4)).mirrored().box().left())
                .isCloseTo(0.6, within(1e-12));
    }
}
