package org.imageproc.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.imageproc.imaging.ImageFormat;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageCheckTest {

    private static final long HUNDRED_MEGAPIXELS = 100_000_000L;

    private final ImageCheck check = new ImageCheck(HUNDRED_MEGAPIXELS);
    private final MetadataReader reader = new MetadataReader();

    @Test
    void emptyFileIsRejected() {
        assertRejected(reader.read(new byte[0]), FailureCode.EMPTY_FILE,
                "The file is empty (0 bytes); upload a JPEG or PNG image");
    }

    @Test
    void textIsNotAnImage() {
        assertRejected(reader.read("# README\nhello\n".getBytes()), FailureCode.NOT_AN_IMAGE,
                "The file is not an image: its content is not in any known image format; upload a JPEG or PNG image");
    }

    @ParameterizedTest
    @CsvSource({"GIF, GIF", "WEBP, WebP", "HEIC, HEIC", "AVIF, AVIF", "TIFF, TIFF", "BMP, BMP"})
    void otherImageFormatsAreNotSupported(ImageFormat format, String name) {
        assertRejected(metadata(format, 500, 375), FailureCode.NOT_SUPPORTED_IMAGE_TYPE,
                name + " images are not supported; upload JPEG or PNG");
    }

    @Test
    void jpegWithoutReadableSizeIsCorrupt() {
        byte[] headerOnly = Arrays.copyOf(TestImages.jpeg(50, 40), 30);

        assertRejected(reader.read(headerOnly), FailureCode.CORRUPT_IMAGE,
                "The JPEG file is damaged: its header does not give the image size");
    }

    @Test
    void hugePngIsRejectedFromItsHeaderAlone() {
        // a valid IHDR but no pixel data at all: only the header can have been read
        ImageMetadata metadata = reader.read(TestImages.pngHeaderOnly(50_000, 50_000));

        assertThat(metadata.width()).isEqualTo(50_000);
        assertRejected(metadata, FailureCode.IMAGE_TOO_LARGE,
                "The image is 50000 x 50000 pixels (2500 MP); the limit is 100 MP");
    }

    @Test
    void largeImageMessageGivesBothNumbers() {
        assertRejected(metadata(ImageFormat.JPEG, 20_000, 20_000), FailureCode.IMAGE_TOO_LARGE,
                "The image is 20000 x 20000 pixels (400 MP); the limit is 100 MP");
    }

    @Test
    void fractionalMegapixelsShowOneDecimal() {
        ImageCheck twelveMegapixels = new ImageCheck(12_000_000);

        assertThatThrownBy(() -> twelveMegapixels.check(metadata(ImageFormat.JPEG, 4032, 3024)))
                .hasMessage("The image is 4032 x 3024 pixels (12.2 MP); the limit is 12 MP");
    }

    @Test
    void imageExactlyAtTheLimitPasses() {
        assertThatCode(() -> check.check(metadata(ImageFormat.PNG, 10_000, 10_000))).doesNotThrowAnyException();
    }

    @Test
    void ordinaryJpegPasses() {
        assertThatCode(() -> check.check(reader.read(TestImages.jpeg(640, 480)))).doesNotThrowAnyException();
    }

    @Test
    void aPngIsRejectedWhereOnlyJpegIsAccepted() {
        ImageCheck jpegOnly = new ImageCheck(HUNDRED_MEGAPIXELS, AcceptedFormats.parse("imageproc.formats", "JPEG"));

        assertThatCode(() -> jpegOnly.check(metadata(ImageFormat.JPEG, 640, 480))).doesNotThrowAnyException();
        assertThatThrownBy(() -> jpegOnly.check(metadata(ImageFormat.PNG, 640, 480)))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        e -> assertThat(e.error()).isEqualTo(FailureCode.NOT_SUPPORTED_IMAGE_TYPE))
                .hasMessage("PNG images are not supported; upload JPEG");
        assertThatThrownBy(() -> jpegOnly.check(reader.read(new byte[0])))
                .hasMessage("The file is empty (0 bytes); upload a JPEG image");
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> new ImageCheck(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRejected(ImageMetadata metadata, FailureCode error, String message) {
        assertThatThrownBy(() -> check.check(metadata))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.error()).isEqualTo(error))
                .hasMessage(message);
    }

    private static ImageMetadata metadata(ImageFormat format, int width, int height) {
        return new ImageMetadata(format, width, height, 1234, null, null, null, null, null, null, "0", List.of());
    }
}
