package org.imageproc.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.imageproc.imaging.ImageFormat;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ThumbnailMakerTest {

    private static final Map<String, Color> COLOURS =
            Map.of("red", Color.RED, "green", Color.GREEN, "blue", Color.BLUE, "yellow", Color.YELLOW);
    /** JPEG compression moves solid colours a little; a wrong quadrant is off by 255 in some channel. */
    private static final int COLOUR_TOLERANCE = 40;

    private final ThumbnailMaker maker = new ThumbnailMaker(250);

    /**
     * Each row says how a camera holding the orientation would store a picture that should be seen as
     * red | green over blue | yellow (400 x 200): the stored quadrant colours, top-left to bottom-right.
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, red,    green,  blue,   yellow",
        "2, green,  red,    yellow, blue",
        "3, yellow, blue,   green,  red",
        "4, blue,   yellow, red,    green",
        "5, red,    blue,   green,  yellow",
        "6, green,  yellow, red,    blue",
        "7, yellow, green,  blue,   red",
        "8, blue,   red,    yellow, green"})
    void turnsThePictureUprightExactlyOnce(int orientation, String topLeft, String topRight,
                                           String bottomLeft, String bottomRight) {
        boolean quarterTurn = orientation >= 5;
        BufferedImage stored = TestImages.quadrants(quarterTurn ? 200 : 400, quarterTurn ? 400 : 200,
                COLOURS.get(topLeft), COLOURS.get(topRight), COLOURS.get(bottomLeft), COLOURS.get(bottomRight));

        Thumbnail thumbnail = maker.make(TestImages.jpeg(stored), ImageFormat.JPEG, orientation);

        assertThat(thumbnail.width()).isEqualTo(250);
        assertThat(thumbnail.height()).isEqualTo(125);
        BufferedImage shown = TestImages.decode(thumbnail.bytes());
        assertThat(shown.getWidth()).isEqualTo(250);
        assertThat(shown.getHeight()).isEqualTo(125);
        assertColour(shown, 62, 31, Color.RED);
        assertColour(shown, 187, 31, Color.GREEN);
        assertColour(shown, 62, 93, Color.BLUE);
        assertColour(shown, 187, 93, Color.YELLOW);
    }

    @Test
    void invalidOrientationLeavesThePictureAsStored() {
        BufferedImage stored = TestImages.quadrants(200, 100, Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW);

        Thumbnail thumbnail = maker.make(TestImages.jpeg(stored), ImageFormat.JPEG, 0);

        assertThat(thumbnail.width()).isEqualTo(200);
        assertThat(thumbnail.height()).isEqualTo(100);
        assertColour(TestImages.decode(thumbnail.bytes()), 50, 25, Color.RED);
    }

    @Test
    void smallImageIsNotUpscaled() {
        Thumbnail thumbnail = maker.make(TestImages.jpeg(100, 50), ImageFormat.JPEG, null);

        assertThat(thumbnail.width()).isEqualTo(100);
        assertThat(thumbnail.height()).isEqualTo(50);
        assertThat(TestImages.decode(thumbnail.bytes()).getWidth()).isEqualTo(100);
    }

    @Test
    void largeJpegBecomesAnRgbJpegFittingTheBox() {
        Thumbnail thumbnail = maker.make(TestImages.jpeg(4032, 3024), ImageFormat.JPEG, 1);

        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
        assertThat(ImageFormat.detect(thumbnail.bytes())).isEqualTo(ImageFormat.JPEG);
        assertThat(thumbnail.width()).isEqualTo(250);
        assertThat(thumbnail.height()).isEqualTo(188);
        BufferedImage decoded = TestImages.decode(thumbnail.bytes());
        assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(3);
        assertThat(thumbnail.warnings()).isEmpty();
    }

    @Test
    void pngKeepsItsTransparency() {
        Thumbnail thumbnail = maker.make(TestImages.png(TestImages.halfTransparent(400, 400)), ImageFormat.PNG, null);

        assertThat(thumbnail.contentType()).isEqualTo("image/png");
        assertThat(ImageFormat.detect(thumbnail.bytes())).isEqualTo(ImageFormat.PNG);
        assertThat(thumbnail.width()).isEqualTo(250);
        assertThat(thumbnail.height()).isEqualTo(250);
        BufferedImage decoded = TestImages.decode(thumbnail.bytes());
        assertThat(decoded.getRGB(20, 125) >>> 24).isZero();
        assertThat(decoded.getRGB(230, 125)).isEqualTo(0xFFFF0000);
    }

    @Test
    void truncatedJpegGivesPartialPixelsAndAWarning() {
        byte[] truncated = TestImages.truncated(TestImages.jpeg(800, 600), 0.6);

        Thumbnail thumbnail = maker.make(truncated, ImageFormat.JPEG, null);

        assertThat(thumbnail.width()).isEqualTo(250);
        assertThat(thumbnail.height()).isEqualTo(188);
        assertThat(thumbnail.warnings())
                .containsExactly("The JPEG data ends early; the lower part of the image may be grey");
    }

    @Test
    void pngWithBadChecksumIsMadeWithAWarning() {
        byte[] png = TestImages.withBadCrc(TestImages.png(TestImages.gradient(60, 40)), "IDAT");

        Thumbnail thumbnail = maker.make(png, ImageFormat.PNG, null);

        assertThat(thumbnail.width()).isEqualTo(60);
        assertThat(thumbnail.warnings()).containsExactly(
                "The PNG IDAT chunk fails its checksum; the file is damaged and the image may show errors");
    }

    @Test
    void jpegWithoutDecodablePixelsIsRejectedAsCorrupt() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 1, 2, 3, 4, 5, 6, 7, 8};

        assertThatThrownBy(() -> maker.make(bytes, ImageFormat.JPEG, null))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        e -> assertThat(e.error()).isEqualTo(FailureCode.CORRUPT_IMAGE))
                .hasMessageStartingWith("The JPEG pixel data cannot be decoded; the file is damaged (");
    }

    @Test
    void pngWithoutPixelDataIsRejectedAsCorrupt() {
        assertThatThrownBy(() -> maker.make(TestImages.pngHeaderOnly(300, 200), ImageFormat.PNG, null))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        e -> assertThat(e.error()).isEqualTo(FailureCode.CORRUPT_IMAGE))
                .hasMessageStartingWith("The PNG pixel data cannot be decoded; the file is damaged (");
    }

    static Stream<Arguments> unusualEncodings() {
        return Stream.of(
                unusual("16-bit RGB PNG", ImageFormat.PNG, () -> TestImages.png(TestImages.rgb16(600, 300))),
                unusual("palette PNG", ImageFormat.PNG, () -> TestImages.png(TestImages.palette(600, 300))),
                unusual("interlaced PNG", ImageFormat.PNG, () -> TestImages.interlacedPng(TestImages.gradient(600, 300))),
                unusual("grayscale PNG", ImageFormat.PNG, () -> TestImages.png(TestImages.gray(600, 300))),
                unusual("grayscale JPEG", ImageFormat.JPEG, () -> TestImages.jpeg(TestImages.gray(600, 300))),
                unusual("CMYK JPEG", ImageFormat.JPEG, () -> TestImages.cmykJpeg(600, 300)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualEncodings")
    void unusualEncodingsStillGiveAThumbnail(String name, ImageFormat format, Supplier<byte[]> image) {
        Thumbnail thumbnail = maker.make(image.get(), format, null);

        assertThat(thumbnail.width()).isEqualTo(250);
        assertThat(thumbnail.height()).isEqualTo(125);
        assertThat(TestImages.decode(thumbnail.bytes()).getHeight()).isEqualTo(125);
        assertThat(thumbnail.contentType()).isEqualTo(format.mimeType());
    }

    @Test
    void unsupportedFormatIsAProgrammingError() {
        assertThatThrownBy(() -> maker.make(new byte[] {'G', 'I', 'F'}, ImageFormat.GIF, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Thumbnails are made from JPEG and PNG only, not GIF");
    }

    @Test
    void sizeMustBePositive() {
        assertThatThrownBy(() -> new ThumbnailMaker(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments unusual(String name, ImageFormat format, Supplier<byte[]> image) {
        return Arguments.of(name, format, image);
    }


    private static void assertColour(BufferedImage image, int x, int y, Color expected) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(new int[] {actual.getRed(), actual.getGreen(), actual.getBlue()})
                .as("colour at (%d, %d) is %s, expected %s", x, y, actual, expected)
                .satisfies(rgb -> {
                    assertThat(rgb[0]).isBetween(expected.getRed() - COLOUR_TOLERANCE, expected.getRed() + COLOUR_TOLERANCE);
                    assertThat(rgb[1]).isBetween(expected.getGreen() - COLOUR_TOLERANCE, expected.getGreen() + COLOUR_TOLERANCE);
                    assertThat(rgb[2]).isBetween(expected.getBlue() - COLOUR_TOLERANCE, expected.getBlue() + COLOUR_TOLERANCE);
                });
    }
}
