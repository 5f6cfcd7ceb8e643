package org.imageproc.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.imageproc.testing.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvenanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"image/jpeg", "image/png"})
    void aStampedThumbnailDecodesToTheSamePixelsAndNamesItsRun(String contentType) throws IOException {
        BufferedImage picture = TestImages.gradient(40, 30);
        byte[] encoded = contentType.equals("image/png") ? TestImages.png(picture) : TestImages.jpeg(picture);

        byte[] first = Provenance.stamp(encoded, contentType, "imageproc execution run-1 of ETag abc");
        byte[] second = Provenance.stamp(encoded, contentType, "imageproc execution run-2 of ETag abc");

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).contains("imageproc execution run-1 of ETag abc");
        BufferedImage original = ImageIO.read(new ByteArrayInputStream(encoded));
        BufferedImage stamped = ImageIO.read(new ByteArrayInputStream(first));
        assertThat(stamped.getWidth()).isEqualTo(40);
        assertThat(stamped.getHeight()).isEqualTo(30);
        for (int y = 0; y < 30; y += 7) {
            for (int x = 0; x < 40; x += 7) {
                assertThat(stamped.getRGB(x, y)).isEqualTo(original.getRGB(x, y));
            }
        }
    }
}
