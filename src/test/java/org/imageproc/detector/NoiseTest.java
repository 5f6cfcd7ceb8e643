package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;

import org.imageproc.imaging.ImageFormat;
import org.junit.jupiter.api.Test;

class NoiseTest {

    private static final int SIZE = 416;

    @Test
    void noPhotoOfTheEvaluationSetLooksLikeNoise() {
        for (LabelsEvalSet.Photo photo : LabelsEvalSet.load().photos()) {
            byte[] bytes = photo.bytes();
            BufferedImage square = NanoDetInput.square(Picture.decode(bytes, ImageFormat.detect(bytes), SIZE).upright(),
                    SIZE);
            assertThat(Noise.neighbourCorrelation(square)).as(photo.key()).isGreaterThan(0.45);
            assertThat(Noise.isNoise(square)).isFalse();
        }
    }

    @Test
    void randomPixelsAreNoiseAndAFlatPictureIsNot() {
        BufferedImage noise = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(12);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        BufferedImage flat = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);

        assertThat(Noise.neighbourCorrelation(noise)).isBetween(-0.1, 0.1);
        assertThat(Noise.isNoise(noise)).isTrue();
        assertThat(Noise.isNoise(flat)).isFalse();
    }
}
