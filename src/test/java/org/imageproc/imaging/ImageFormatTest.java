package org.imageproc.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageFormatTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("JPEG from ImageIO", TestImages.jpeg(8, 8), ImageFormat.JPEG),
                Arguments.of("PNG from ImageIO", TestImages.png(TestImages.quadrants(8, 8,
                        Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW)), ImageFormat.PNG),
                Arguments.of("GIF87a", ascii("GIF87a\u0001\u0000\u0001\u0000"), ImageFormat.GIF),
                Arguments.of("GIF89a", ascii("GIF89a\u0001\u0000\u0001\u0000"), ImageFormat.GIF),
                Arguments.of("WebP", ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "), ImageFormat.WEBP),
                Arguments.of("RIFF but WAVE", ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "), ImageFormat.UNKNOWN),
                Arguments.of("HEIC major brand", ftyp("heic", "mif1", "heic"), ImageFormat.HEIC),
                Arguments.of("HEIF mif1 only", ftyp("mif1", "mif1"), ImageFormat.HEIC),
                Arguments.of("AVIF major brand", ftyp("avif", "mif1", "miaf"), ImageFormat.AVIF),
                Arguments.of("AVIF as compatible brand of mif1", ftyp("mif1", "mif1", "avif"), ImageFormat.AVIF),
                Arguments.of("MP4 video", ftyp("isom", "isom", "mp41"), ImageFormat.UNKNOWN),
                Arguments.of("TIFF Intel", new byte[] {'I', 'I', '*', 0, 8, 0, 0, 0}, ImageFormat.TIFF),
                Arguments.of("TIFF Motorola", new byte[] {'M', 'M', 0, '*', 0, 0, 0, 8}, ImageFormat.TIFF),
                Arguments.of("BMP", bmpHeader(), ImageFormat.BMP),
                Arguments.of("two letters BM", ascii("BM"), ImageFormat.UNKNOWN),
                Arguments.of("text", ascii("# README\nThis is not an image.\n"), ImageFormat.UNKNOWN),
                Arguments.of("empty", new byte[0], ImageFormat.UNKNOWN),
                Arguments.of("JPEG SOI without a marker", new byte[] {(byte) 0xFF, (byte) 0xD8}, ImageFormat.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void detectsFormatFromMagicBytes(String name, byte[] data, ImageFormat expected) {
        assertThat(ImageFormat.detect(data)).isEqualTo(expected);
    }

    @Test
    void nullIsUnknown() {
        assertThat(ImageFormat.detect(null)).isEqualTo(ImageFormat.UNKNOWN);
    }

    @Test
    void onlyJpegAndPngAreSupported() {
        assertThat(Stream.of(ImageFormat.values()).filter(ImageFormat::supported))
                .containsExactly(ImageFormat.JPEG, ImageFormat.PNG);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An ISO-BMFF ftyp box: size, "ftyp", major brand, minor version 0, compatible brands. */
    private static byte[] ftyp(String majorBrand, String... compatibleBrands) {
        ByteArrayOutputStream box = new ByteArrayOutputStream();
        box.writeBytes(ByteBuffer.allocate(4).putInt(16 + 4 * compatibleBrands.length).array());
        box.writeBytes(ascii("ftyp" + majorBrand));
        box.writeBytes(new byte[4]);
        for (String brand : compatibleBrands) {
            box.writeBytes(ascii(brand));
        }
        box.writeBytes(ascii("\u0000\u0000\u0000\u0008free"));
        return box.toByteArray();
    }

    private static byte[] bmpHeader() {
        byte[] header = new byte[54];
        header[0] = 'B';
        header[1] = 'M';
        return header;
    }
}
