package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.imageproc.imaging.ImageFormat;
import org.imageproc.testing.LabelPhotos;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pictures with nothing to see get no labels rather than a guess: the damaged shared test files that used to get
 * "Bed 63" and "Person, Traffic Light", random noise, pictures too small to name anything in, and photos whose best
 * detection is under the photo gate (nothing the detector knows).
 */
@Tag("detector")
class HonestSilenceTest {

    private static final Path PHOTOS = Path.of("..", "shared", "testdata", "photos");
    private static LocalLabels labels;

    @BeforeAll
    static void load() {
        labels = new LocalLabels(ObjectDetectors.load(HonestSilenceTest.class.getClassLoader()));
    }

    @AfterAll
    static void close() {
        labels.close();
    }

    @Test
    void theDamagedSharedFilesGetNoLabels() throws IOException {
        assumeThat(Files.isDirectory(PHOTOS)).as("../shared/testdata/photos is absent").isTrue();
        for (String file : new String[] {"jpeg_truncated.jpg", "png_bad_idat_crc.png"}) {
            byte[] bytes = Files.readAllBytes(PHOTOS.resolve(file));
            assertThat(labels.detect(bytes, ImageFormat.detect(bytes), 10, 0)).as(file).isEmpty();
        }
    }

    @Test
    void animalsOutsideCocoThatWereNamedAsCocoOnesGetNoLabelsAtAll() throws IOException {
        // a gorilla was Bear 68 and a rhinoceros Elephant 62 before the photo gate
        for (String file : new String[] {"gcompris-gorilla.jpg", "gcompris-rhinoceros.jpg"}) {
            byte[] bytes = Files.readAllBytes(LabelsEvalSet.DIR.resolve(file));
            assertThat(labels.detect(bytes, ImageFormat.detect(bytes), 10, 0)).as(file).isEmpty();
        }
    }

    @Test
    void noiseGetsNoLabelsEvenAtMinConfidenceZero() {
        BufferedImage noise = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(12);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }

        assertThat(labels.detect(TestImages.png(noise), ImageFormat.PNG, 10, 0)).isEmpty();
    }

    @Test
    void aPhotoShrunkUnder64PixelsGetsNoLabelsThoughItsLargerCopyDoes() {
        LabelPhotos.assumePresent();
        BufferedImage zidane = TestImages.decode(LabelPhotos.photo("yolov5-zidane.jpg"));
        BufferedImage small = new BufferedImage(100, 63, BufferedImage.TYPE_INT_RGB);
        small.createGraphics().drawImage(zidane, 0, 0, 100, 63, null);
        BufferedImage large = new BufferedImage(640, 403, BufferedImage.TYPE_INT_RGB);
        large.createGraphics().drawImage(zidane, 0, 0, 640, 403, null);

        assertThat(labels.detect(TestImages.jpeg(small), ImageFormat.JPEG, 10, 0)).isEmpty();
        assertThat(labels.detect(TestImages.jpeg(large), ImageFormat.JPEG, 10, 60))
                .extracting(DetectedLabel::name).contains("Person");
    }
}
