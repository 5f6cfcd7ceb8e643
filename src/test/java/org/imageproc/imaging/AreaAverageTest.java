package org.imageproc.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;

/** Each output pixel is the mean of the source area it covers, transparent pixels lending no colour. */
class AreaAverageTest {

    @Test
    void averagesTheAreaEachPixelCoversIncludingPartsOfPixels() {
        BufferedImage source = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, grey(0));
        source.setRGB(1, 0, grey(90));
        source.setRGB(2, 0, grey(180));

        BufferedImage scaled = AreaAverage.scale(source, new Size(2, 1), false);

        // [0, 1.5): (0 + 90 / 2) / 1.5 = 30; [1.5, 3): (90 / 2 + 180) / 1.5 = 150
        assertThat(scaled.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(new Color(scaled.getRGB(0, 0)).getGreen()).isEqualTo(30);
        assertThat(new Color(scaled.getRGB(1, 0)).getGreen()).isEqualTo(150);
    }

    @Test
    void keepsQuadrantsApartAtAnUnevenRatio() {
        BufferedImage source = TestImages.quadrants(832, 624, Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW);

        BufferedImage scaled = AreaAverage.scale(source, new Size(250, 188), false);

        assertThat(new Color(scaled.getRGB(60, 40))).isEqualTo(Color.RED);
        assertThat(new Color(scaled.getRGB(190, 40))).isEqualTo(Color.GREEN);
        assertThat(new Color(scaled.getRGB(60, 150))).isEqualTo(Color.BLUE);
        assertThat(new Color(scaled.getRGB(190, 150))).isEqualTo(Color.YELLOW);
        // the seam between red and green: half of each
        Color seam = new Color(scaled.getRGB(124, 40));
        assertThat(seam.getRed() + seam.getGreen()).isBetween(250, 260);
    }

    @Test
    void transparentPixelsLendNoColour() {
        BufferedImage source = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        source.setRGB(0, 0, 0xFF0000FF);
        source.setRGB(1, 0, 0x00FF0000);

        BufferedImage scaled = AreaAverage.scale(source, new Size(1, 1), true);

        int argb = scaled.getRGB(0, 0);
        assertThat(argb >>> 24).isBetween(127, 128);
        assertThat(argb >> 16 & 0xFF).isZero();
        assertThat(argb & 0xFF).isGreaterThan(250);
    }

    @Test
    void convertsOtherTypes() {
        BufferedImage scaled = AreaAverage.scale(TestImages.gray(300, 200), new Size(150, 100), false);

        assertThat(scaled.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(scaled.getWidth()).isEqualTo(150);
        assertThat(scaled.getHeight()).isEqualTo(100);
    }

    @Test
    void onlyMakesImagesSmaller() {
        BufferedImage source = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);

        assertThatThrownBy(() -> AreaAverage.scale(source, new Size(11, 5), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int grey(int level) {
        return level << 16 | level << 8 | level;
    }
}
