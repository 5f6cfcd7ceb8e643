package org.imageproc.imaging.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.imageproc.testing.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DctScaledJpegTest {

    private static final Path PHOTOS = Path.of("..", "shared", "testdata", "photos");
    /**
     * Mean difference per channel from ImageIO's full decode averaged over the same blocks. At 1/8 a 4:2:0 JPEG
     * has one chroma sample per 16 x 16 pixels, so red and blue differ by up to 4.6 levels on the shared photos
     * (1 to 2 elsewhere); a wrong colour conversion, swapped channel or misplaced block is off by tens.
     */
    private static final double MEAN_TOLERANCE = 5.0;

    @ParameterizedTest(name = "{0}x{1} luma sampling, restart interval {2}, progressive {3}, 1/{4}")
    @CsvSource({
        "2, 2, 0, false, 8", "2, 2, 0, false, 4", "2, 2, 0, false, 2",
        "2, 1, 0, false, 8", "2, 1, 0, false, 4",
        "1, 1, 0, false, 8", "1, 1, 0, false, 2",
        "1, 2, 0, false, 8",
        "2, 2, 3, false, 8", "1, 1, 7, false, 4",
        "2, 2, 0, true, 8", "1, 1, 0, true, 8", "2, 2, 5, true, 8", "2, 2, 0, true, 4", "2, 1, 3, true, 2"})
    void decodesGeneratedJpegsLikeImageIoAtReducedScale(int h, int v, int restartInterval, boolean progressive,
                                                        int denominator) {
        BufferedImage picture = MadeJpegs.picture(203, 157);
        byte[] jpeg = MadeJpegs.encode(picture, h, v, restartInterval, progressive);

        BufferedImage scaled = DctScaledJpeg.decode(jpeg, denominator).orElseThrow();

        assertLikeImageIo(jpeg, scaled, denominator);
    }

    @Test
    void decodesGrayscaleAsGrey() {
        byte[] jpeg = TestImages.jpeg(TestImages.gray(300, 200));

        BufferedImage scaled = DctScaledJpeg.decode(jpeg, 8).orElseThrow();

        assertThat(scaled.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertLikeImageIo(jpeg, scaled, 8);
    }

    @Test
    void keepsSolidColoursInTheirPlaces() {
        BufferedImage stored = TestImages.quadrants(400, 200, Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW);

        BufferedImage scaled = DctScaledJpeg.decode(TestImages.jpeg(stored), 8).orElseThrow();

        assertThat(scaled.getWidth()).isEqualTo(50);
        assertThat(scaled.getHeight()).isEqualTo(25);
        assertThat(new Color(scaled.getRGB(10, 5))).satisfies(c -> assertThat(c.getRed()).isGreaterThan(230));
        assertThat(new Color(scaled.getRGB(40, 5))).satisfies(c -> assertThat(c.getGreen()).isGreaterThan(230));
        assertThat(new Color(scaled.getRGB(10, 20))).satisfies(c -> assertThat(c.getBlue()).isGreaterThan(230));
        assertThat(new Color(scaled.getRGB(40, 20)))
                .satisfies(c -> assertThat(c.getRed() + c.getGreen() - c.getBlue()).isGreaterThan(450));
    }

    static Stream<Arguments> leftToImageIo() {
        byte[] clean = TestImages.jpeg(TestImages.gradient(320, 240));
        return Stream.of(
                Arguments.of("CMYK", TestImages.cmykJpeg(320, 240)),
                Arguments.of("truncated", TestImages.truncated(clean, 0.6)),
                Arguments.of("a stray marker in the entropy-coded data", withStrayMarker(clean)),
                Arguments.of("no end marker", java.util.Arrays.copyOf(clean, clean.length - 2)),
                Arguments.of("arithmetic coding (SOF9)", withFrameMarker(clean, 0xC9)),
                Arguments.of("lossless (SOF3)", withFrameMarker(clean, 0xC3)),
                Arguments.of("12-bit samples", withPrecision(clean, 12)),
                Arguments.of("not a JPEG", new byte[] {'G', 'I', 'F', '8'}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leftToImageIo")
    void leavesWhatItDoesNotHandleToImageIo(String name, byte[] jpeg) {
        assertThat(DctScaledJpeg.decode(jpeg, 8)).isEmpty();
        assertThat(MadeJpegs.imageIoWarnings(jpeg)).as("ImageIO fails or warns").satisfiesAnyOf(
                warnings -> assertThat(warnings).isNull(), warnings -> assertThat(warnings).isNotEmpty(),
                warnings -> assertThat(name).isIn("CMYK", "arithmetic coding (SOF9)"));
    }

    @ParameterizedTest(name = "{0}x{1} luma sampling, 1/{2} to {3}x{4}")
    @CsvSource({"2, 2, 4, 150, 111", "2, 1, 4, 190, 141", "1, 1, 8, 90, 67", "1, 1, 2, 333, 248", "2, 2, 8, 100, 74"})
    void decodesStraightToASmallerSizeLikeImageIo(int h, int v, int denominator, int width, int height) {
        BufferedImage picture = MadeJpegs.picture(803, 597);
        byte[] jpeg = MadeJpegs.encode(picture, h, v, 0, false);

        BufferedImage scaled = DctScaledJpeg.decode(jpeg, denominator, width, height).orElseThrow();

        assertThat(scaled.getWidth()).isEqualTo(width);
        assertThat(scaled.getHeight()).isEqualTo(height);
        BufferedImage full = TestImages.decode(jpeg);
        double[] meanDifference = new double[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int left = x * full.getWidth() / width;
                int top = y * full.getHeight() / height;
                int[] reference = areaMean(full, left, top, (x + 1) * full.getWidth() / width - left,
                        (y + 1) * full.getHeight() / height - top);
                int rgb = scaled.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    meanDifference[c] += Math.abs((rgb >> (16 - 8 * c) & 0xFF) - reference[c]);
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            assertThat(meanDifference[c] / (width * height)).as("mean difference in channel %d", c)
                    .isLessThan(MEAN_TOLERANCE);
        }
    }

    @Test
    void aGreyJpegDecodesStraightToASmallerSize() {
        byte[] jpeg = TestImages.jpeg(TestImages.gray(300, 200));

        BufferedImage scaled = DctScaledJpeg.decode(jpeg, 8, 30, 20).orElseThrow();

        assertThat(scaled.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(scaled.getWidth()).isEqualTo(30);
        assertThat(scaled.getHeight()).isEqualTo(20);
    }

    @Test
    void anOutputLargerThanTheRenditionIsLeftToImageIo() {
        byte[] jpeg = MadeJpegs.encode(MadeJpegs.picture(400, 300), 2, 2, 0, false);

        assertThat(DctScaledJpeg.decode(jpeg, 8, 51, 38)).isEmpty();
        assertThat(DctScaledJpeg.decode(jpeg, 8, 50, 38)).isPresent();
    }

    static Stream<Path> sharedJpegs() throws IOException {
        if (!Files.isDirectory(PHOTOS)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(PHOTOS)) {
            return files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList().stream();
        }
    }

    /** Each shared photo ImageIO decodes cleanly is decoded alike at every scale; the rest is left to ImageIO. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedJpegs")
    void decodesTheSharedPhotosLikeImageIo(Path photo) throws IOException {
        byte[] jpeg = Files.readAllBytes(photo);
        List<String> warnings = MadeJpegs.imageIoWarnings(jpeg);
        if (warnings == null || !warnings.isEmpty()) {
            assertThat(DctScaledJpeg.decode(jpeg, 8)).as("left to ImageIO, which %s",
                    warnings == null ? "cannot decode it" : "warns " + warnings).isEmpty();
            return;
        }
        for (int denominator : DctScaledJpeg.DENOMINATORS) {
            BufferedImage scaled = DctScaledJpeg.decode(jpeg, denominator).orElseThrow();
            assertLikeImageIo(jpeg, scaled, denominator);
        }
    }

    private static void assertLikeImageIo(byte[] jpeg, BufferedImage scaled, int denominator) {
        BufferedImage full = TestImages.decode(jpeg);
        assertThat(scaled.getWidth()).isEqualTo((full.getWidth() + denominator - 1) / denominator);
        assertThat(scaled.getHeight()).isEqualTo((full.getHeight() + denominator - 1) / denominator);
        double[] meanDifference = new double[3];
        for (int y = 0; y < scaled.getHeight(); y++) {
            for (int x = 0; x < scaled.getWidth(); x++) {
                int[] reference = blockMean(full, x * denominator, y * denominator, denominator);
                int rgb = scaled.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    meanDifference[c] += Math.abs((rgb >> (16 - 8 * c) & 0xFF) - reference[c]);
                }
            }
        }
        int pixels = scaled.getWidth() * scaled.getHeight();
        for (int c = 0; c < 3; c++) {
            assertThat(meanDifference[c] / pixels).as("mean difference in channel %d", c).isLessThan(MEAN_TOLERANCE);
        }
    }

    private static int[] blockMean(BufferedImage full, int left, int top, int size) {
        return areaMean(full, left, top, size, size);
    }

    private static int[] areaMean(BufferedImage full, int left, int top, int width, int height) {
        int[] sum = new int[3];
        int count = 0;
        for (int y = top; y < Math.min(top + Math.max(1, height), full.getHeight()); y++) {
            for (int x = left; x < Math.min(left + Math.max(1, width), full.getWidth()); x++) {
                int rgb = full.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    sum[c] += rgb >> (16 - 8 * c) & 0xFF;
                }
                count++;
            }
        }
        return new int[] {Math.round((float) sum[0] / count), Math.round((float) sum[1] / count),
            Math.round((float) sum[2] / count)};
    }

    /** An RST5 marker in the middle of the entropy-coded data of a JPEG without restart intervals. */
    private static byte[] withStrayMarker(byte[] jpeg) {
        int middle = (jpeg.length + sofOffset(jpeg)) / 2;
        while ((jpeg[middle] & 0xFF) == 0xFF || (jpeg[middle - 1] & 0xFF) == 0xFF) {
            middle++;
        }
        byte[] copy = new byte[jpeg.length + 2];
        System.arraycopy(jpeg, 0, copy, 0, middle);
        copy[middle] = (byte) 0xFF;
        copy[middle + 1] = (byte) 0xD5;
        System.arraycopy(jpeg, middle, copy, middle + 2, jpeg.length - middle);
        return copy;
    }

    private static byte[] withFrameMarker(byte[] jpeg, int marker) {
        byte[] copy = jpeg.clone();
        copy[sofOffset(copy) + 1] = (byte) marker;
        return copy;
    }

    private static byte[] withPrecision(byte[] jpeg, int bits) {
        byte[] copy = jpeg.clone();
        copy[sofOffset(copy) + 4] = (byte) bits;
        return copy;
    }

    private static int sofOffset(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no SOF0/SOF2 marker");
    }
}
