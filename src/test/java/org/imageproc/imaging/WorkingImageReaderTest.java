package org.imageproc.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;

/** One decode for the whole run: shrunk to the box, upright, warnings kept, and the pixels claimed while decoding. */
class WorkingImageReaderTest {

    @Test
    void fitsTheBoxUprightAndKeepsTheDisplayedSize() {
        byte[] jpeg = TestImages.jpeg(4000, 3000);

        WorkingImage working = WorkingImageReader.read(jpeg, ImageFormat.JPEG, 6, 832, PixelBudget.unlimited());

        assertThat(working.displayed()).isEqualTo(new Size(3000, 4000));
        assertThat(working.pixels().getWidth()).isEqualTo(624);
        assertThat(working.pixels().getHeight()).isEqualTo(832);
        assertThat(working.warnings()).isEmpty();
    }

    @Test
    void aSmallImageKeepsItsSize() {
        WorkingImage working = WorkingImageReader.read(TestImages.jpeg(64, 48), ImageFormat.JPEG, null, 832,
                PixelBudget.unlimited());

        assertThat(working.pixels().getWidth()).isEqualTo(64);
        assertThat(working.pixels().getHeight()).isEqualTo(48);
    }

    @Test
    void damagedPngChunksAreWarnedAbout() {
        byte[] png = TestImages.withBadCrc(TestImages.png(TestImages.gradient(300, 200)), "IDAT");

        WorkingImage working = WorkingImageReader.read(png, ImageFormat.PNG, null, 250, PixelBudget.unlimited());

        assertThat(working.warnings()).anyMatch(warning -> warning.contains("IDAT chunk fails its checksum"));
    }

    @Test
    void theDecodeClaimsWhatItDecodesAndGivesItBack() {
        // 4000 x 3000 for a 832 box: every 2nd pixel is decoded (2000 x 1500), plus a quarter of the file's bytes
        assertThat(WorkingImageReader.decodedPixels(new Size(4000, 3000), 2)).isEqualTo(3_000_000);
        PixelBudget budget = new PixelBudget(1_000);

        WorkingImageReader.read(TestImages.jpeg(400, 300), ImageFormat.JPEG, null, 100, budget);

        assertThat(budget.available()).isEqualTo(1_000);
    }
}
