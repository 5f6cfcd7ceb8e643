package org.imageproc.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeTest {

    @ParameterizedTest
    @CsvSource({
        "4032, 3024, 250, 250, 188",
        "3024, 4032, 250, 188, 250",
        "4608, 1976, 250, 250, 107",
        "100,  50,   250, 100, 50",
        "250,  250,  250, 250, 250",
        "1,    5000, 250, 1,   250"})
    void fitsTheBoxKeepingTheAspectRatioWithoutUpscaling(int width, int height, int box,
                                                         int expectedWidth, int expectedHeight) {
        assertThat(new Size(width, height).fitWithin(box)).isEqualTo(new Size(expectedWidth, expectedHeight));
    }

    @ParameterizedTest
    @CsvSource({
        "4032, 3024, 250, 188, 8",
        "1800, 1200, 250, 167, 3",
        "600,  900,  167, 250, 1",
        "100,  50,   100, 50,  1",
        "20000, 20000, 250, 250, 40"})
    void subsamplingKeepsAtLeastTwiceTheTargetSize(int width, int height, int targetWidth, int targetHeight,
                                                   int expectedStep) {
        int step = new Size(width, height).subsamplingFor(new Size(targetWidth, targetHeight));

        assertThat(step).isEqualTo(expectedStep);
    }
}
