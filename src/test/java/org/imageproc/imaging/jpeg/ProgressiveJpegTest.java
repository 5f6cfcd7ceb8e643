package org.imageproc.imaging.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.Size;
import org.imageproc.imaging.WorkingImageReader;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Progressive JPEGs in the DCT domain at 1/4 and 1/2: every scan parsed (spectral selection, successive
 * approximation, end-of-band runs, restart intervals), the same pixels as the baseline coding of the same image, close
 * to ImageIO's full decode area-averaged to the same size, and anything damaged left to ImageIO.
 */
class ProgressiveJpegTest {

    private static final Path CORPUS = Path.of("..", "shared", "bench", "corpus", "jpeg_native");
    /**
     * PSNR over RGB against ImageIO's full-size decode area-averaged to the same size. The reduced IDCT is another
     * low-pass than the area average, so on the made pictures' pixel noise and hard stripes the two differ: 28.7 to
     * 30.3 dB at 1/4 and 1/8, 33.5 to 35.2 at 1/2. The exact check is the comparison with the baseline coding.
     */
    private static final double MADE_PSNR = 27.0;
    /** The corpus' progressive camera originals measured 42.7 and 47.0 dB at 832 px (1/4), 47.8 and 48.2 at 1/2. */
    private static final double CAMERA_PSNR = 40.0;

    @ParameterizedTest(name = "{0}x{1} luma sampling, restart interval {2}, 1/{3}")
    @CsvSource({
        "2, 2, 0, 4", "2, 2, 0, 2", "2, 2, 0, 8",
        "2, 1, 0, 4", "2, 1, 0, 2",
        "1, 1, 0, 4", "1, 1, 0, 2",
        "1, 2, 0, 4",
        "2, 2, 3, 4", "2, 1, 7, 2", "1, 1, 1, 4", "1, 1, 5, 2"})
    void decodesTheSamePixelsAsTheBaselineCodingOfTheSameImage(int h, int v, int restartInterval, int denominator) {
        BufferedImage image = MadeJpegs.textured(613, 389, h * 100 + v * 10 + restartInterval);
        byte[] progressive = MadeJpegs.encode(image, h, v, restartInterval, true);
        byte[] baseline = MadeJpegs.encode(image, h, v, restartInterval, false);

        BufferedImage ours = DctScaledJpeg.decode(progressive, denominator).orElseThrow();

        assertSamePixels(ours, DctScaledJpeg.decode(baseline, denominator).orElseThrow());
        assertThat(psnr(ours, imageIoAreaAverage(progressive, ours))).isGreaterThan(MADE_PSNR);
    }

    @ParameterizedTest(name = "1/{0}")
    @ValueSource(ints = {8, 4, 2})
    void decodesGreyProgressiveJpegs(int denominator) {
        BufferedImage image = MadeJpegs.grey(MadeJpegs.textured(421, 317, denominator));
        byte[] progressive = MadeJpegs.encode(image, 1, 1, 0, true);
        byte[] baseline = MadeJpegs.encode(image, 1, 1, 0, false);

        BufferedImage ours = DctScaledJpeg.decode(progressive, denominator).orElseThrow();

        assertThat(ours.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertSamePixels(ours, DctScaledJpeg.decode(baseline, denominator).orElseThrow());
        assertThat(psnr(ours, imageIoAreaAverage(progressive, ours))).isGreaterThan(MADE_PSNR);
    }

    @Test
    void decodesStraightToASmallerSize() {
        BufferedImage image = MadeJpegs.textured(1203, 797, 7);
        byte[] progressive = MadeJpegs.encode(image, 2, 2, 0, true);

        BufferedImage ours = DctScaledJpeg.decode(progressive, 4, 250, 166).orElseThrow();

        assertThat(ours.getWidth()).isEqualTo(250);
        assertThat(ours.getHeight()).isEqualTo(166);
        assertSamePixels(ours, DctScaledJpeg.decode(MadeJpegs.encode(image, 2, 2, 0, false), 4, 250, 166)
                .orElseThrow());
        assertThat(psnr(ours, imageIoAreaAverage(progressive, ours))).isGreaterThan(MADE_PSNR);
    }

    /**
     * What a decode holds, from the header: 613 x 389 in 4:2:0 is 39 x 25 MCUs of 6 blocks; at 1/4 each block has 2 x 2
     * samples, and progressive adds 4 kept coefficients (8 bytes) and 8 bytes of non-zero bits; the output is RGB.
     */
    @Test
    void tellsTheMemoryADecodeHoldsFromTheHeader() {
        BufferedImage image = MadeJpegs.textured(613, 389, 5);
        long blocks = 39 * 25 * 6;

        assertThat(DctScaledJpeg.bytesNeeded(MadeJpegs.encode(image, 2, 2, 0, true), 4, 150, 95))
                .isEqualTo(blocks * (4 + 8 + 8) + 4 * 150 * 95);
        assertThat(DctScaledJpeg.bytesNeeded(MadeJpegs.encode(image, 2, 2, 0, false), 4, 150, 95))
                .isEqualTo(blocks * 4 + 4 * 150 * 95);
        assertThat(DctScaledJpeg.bytesNeeded(MadeJpegs.encode(image, 2, 2, 0, true), 2, 0, 0))
                .isEqualTo(blocks * (16 + 32 + 8));
        assertThat(DctScaledJpeg.bytesNeeded(new byte[] {'G', 'I', 'F', '8'}, 4, 10, 10)).isZero();
    }

    /** Truncated anywhere: left to ImageIO, which warns that the data ends early. */
    @ParameterizedTest(name = "cut at {0}")
    @ValueSource(doubles = {0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 0.999})
    void leavesATruncatedProgressiveJpegToImageIo(double fraction) {
        byte[] jpeg = TestImages.truncated(MadeJpegs.encode(MadeJpegs.textured(300, 200, 3), 2, 2, 0, true),
                fraction);

        for (int denominator : DctScaledJpeg.DENOMINATORS) {
            assertThat(DctScaledJpeg.decode(jpeg, denominator)).as("1/%d", denominator).isEmpty();
        }
        assertThat(MadeJpegs.imageIoWarnings(jpeg)).as("ImageIO fails or warns")
                .satisfiesAnyOf(w -> assertThat(w).isNull(), w -> assertThat(w).isNotEmpty());
    }

    /**
     * A byte of the entropy-coded data changed, at 60 places: the decoder gives pixels only where ImageIO decodes
     * the file without a warning, and then the pixels ImageIO gives; everything else is left to ImageIO.
     */
    @Test
    void takesADamagedProgressiveJpegOnlyWhenImageIoFindsNoFault() {
        byte[] clean = MadeJpegs.encode(MadeJpegs.textured(240, 160, 11), 2, 2, 2, true);
        Random random = new Random(42);
        int firstScan = firstScan(clean);
        int taken = 0;
        for (int i = 0; i < 60; i++) {
            byte[] jpeg = clean.clone();
            int at = firstScan + random.nextInt(clean.length - 2 - firstScan);
            if ((jpeg[at] & 0xFF) == 0xFF || (jpeg[at - 1] & 0xFF) == 0xFF) {
                continue;
            }
            jpeg[at] = (byte) (random.nextInt(255));
            for (int denominator : List.of(4, 2)) {
                var ours = DctScaledJpeg.decode(jpeg, denominator);
                if (ours.isPresent()) {
                    taken++;
                    assertThat(MadeJpegs.imageIoWarnings(jpeg)).as("ImageIO's warnings on a file decoded here")
                            .isEqualTo(List.of());
                    assertThat(psnr(ours.get(), imageIoAreaAverage(jpeg, ours.get()))).isGreaterThan(MADE_PSNR);
                }
            }
        }
        System.out.println(taken + " of the damaged files decoded in the DCT domain, the rest left to ImageIO");
    }

    static Stream<Path> progressivePhotos() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            System.out.println("Skipping the corpus' progressive JPEGs: " + CORPUS + " is absent");
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".jpg")).sorted().filter(ProgressiveJpegTest::progressive)
                    .toList().stream();
        }
    }

    /** The working image of the service (832 px) and the 1/2 rendition, each against ImageIO's full decode. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("progressivePhotos")
    void decodesTheCorpusProgressiveJpegsLikeImageIo(Path photo) throws IOException {
        byte[] jpeg = Files.readAllBytes(photo);
        BufferedImage full = TestImages.decode(jpeg);
        Size stored = new Size(full.getWidth(), full.getHeight());
        Size working = stored.fitWithin(832);
        for (int denominator : List.of(4, 2)) {
            Size scaled = stored.scaledDown(denominator);
            Size target = denominator == 4 && scaled.covers(working) ? working : scaled;
            BufferedImage ours = DctScaledJpeg.decode(jpeg, denominator, target.width(), target.height())
                    .orElseThrow();
            double psnr = psnr(ours, WorkingImageReader.scale(full, target, ImageFormat.JPEG));
            System.out.printf("%s at 1/%d%n", photo.getFileName(), denominator);
            assertThat(psnr).isGreaterThan(CAMERA_PSNR);
        }
    }

    /** Whether the frame header is SOF2, found by walking the marker segments before it. */
    private static boolean progressive(Path file) {
        try {
            byte[] jpeg = Files.readAllBytes(file);
            int pos = 2;
            while (pos + 3 < jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
                int marker = jpeg[pos + 1] & 0xFF;
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    return marker == 0xC2;
                }
                pos += 2 + ((jpeg[pos + 2] & 0xFF) << 8 | jpeg[pos + 3] & 0xFF);
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int firstScan(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return i + 20;
            }
        }
        throw new IllegalArgumentException("no scan");
    }

    private static BufferedImage imageIoAreaAverage(byte[] jpeg, BufferedImage like) {
        return WorkingImageReader.scale(TestImages.decode(jpeg), new Size(like.getWidth(), like.getHeight()),
                ImageFormat.JPEG);
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        int differing = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                differing += actual.getRGB(x, y) == expected.getRGB(x, y) ? 0 : 1;
            }
        }
        assertThat(differing).as("pixels that differ from the baseline coding's").isZero();
    }

    /**
     * A pixel as packed RGB; a grey sample as it is stored (getRGB would take it for linear grey and brighten it,
     * where Java2D's conversion to RGB, which the area average uses, copies it).
     */
    private static int rgb(BufferedImage image, int x, int y) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int grey = image.getRaster().getSample(x, y, 0);
            return grey << 16 | grey << 8 | grey;
        }
        return image.getRGB(x, y);
    }

    /** Peak signal-to-noise ratio over the three channels, in dB. */
    private static double psnr(BufferedImage a, BufferedImage b) {
        double psnr = meanPsnr(a, b);
        System.out.printf("PSNR %.2f dB against ImageIO at %dx%d%n", psnr, a.getWidth(), a.getHeight());
        return psnr;
    }

    private static double meanPsnr(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = rgb(a, x, y);
                int q = rgb(b, x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = (p >> shift & 0xFF) - (q >> shift & 0xFF);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * a.getWidth() * a.getHeight());
        return mse == 0 ? 99 : 10 * Math.log10(255 * 255 / mse);
    }
}
