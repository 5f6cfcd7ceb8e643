package org.imageproc.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.nio.charset.StandardCharsets;

import org.imageproc.imaging.ImageFormat;
import org.imageproc.testing.ExifBuilder;
import org.imageproc.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataReaderTest {

    private final MetadataReader reader = new MetadataReader();

    @Test
    void readsCameraTimeOrientationAndPlaceFromExif() {
        byte[] jpeg = new ExifBuilder()
                .make("  Canon  ")
                .model("Canon EOS 5D")
                .dateTimeOriginal("2011:01:13 14:33:39")
                .offsetTimeOriginal("+02:00")
                .orientation(6)
                .gps(-22.951916, -43.210487)
                .altitude(-12.5)
                .writeInto(TestImages.jpeg(400, 300));

        ImageMetadata metadata = reader.read(jpeg);

        assertThat(metadata.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(metadata.width()).isEqualTo(300);
        assertThat(metadata.height()).isEqualTo(400);
        assertThat(metadata.fileSize()).isEqualTo(jpeg.length);
        assertThat(metadata.exifMake()).isEqualTo("Canon");
        assertThat(metadata.exifModel()).isEqualTo("Canon EOS 5D");
        assertThat(metadata.creationTime()).isEqualTo("2011-01-13T14:33:39");
        assertThat(metadata.creationTimeOffset()).isEqualTo("+02:00");
        assertThat(metadata.orientation()).isEqualTo(6);
        assertThat(metadata.geo().latitude()).isCloseTo(-22.951916, within(1e-5));
        assertThat(metadata.geo().longitude()).isCloseTo(-43.210487, within(1e-5));
        assertThat(metadata.geo().altitude()).isCloseTo(-12.5, within(1e-6));
        assertThat(metadata.warnings()).isEmpty();
    }

    @Test
    void northAndEastArePositive() {
        byte[] jpeg = new ExifBuilder().gps(48.858370, 2.294481).altitude(35).writeInto(TestImages.jpeg(64, 48));

        GeoLocation geo = reader.read(jpeg).geo();

        assertThat(geo.latitude()).isCloseTo(48.858370, within(1e-5));
        assertThat(geo.longitude()).isCloseTo(2.294481, within(1e-5));
        assertThat(geo.altitude()).isCloseTo(35.0, within(1e-6));
    }

    @Test
    void plainJpegHasSizeButNoExifFields() {
        ImageMetadata metadata = reader.read(TestImages.jpeg(640, 480));

        assertThat(metadata.width()).isEqualTo(640);
        assertThat(metadata.height()).isEqualTo(480);
        assertThat(metadata.exifMake()).isNull();
        assertThat(metadata.exifModel()).isNull();
        assertThat(metadata.creationTime()).isNull();
        assertThat(metadata.creationTimeOffset()).isNull();
        assertThat(metadata.geo()).isNull();
        assertThat(metadata.orientation()).isNull();
        assertThat(metadata.warnings()).isEmpty();
    }

    @Test
    void pngSizeComesFromItsHeader() {
        byte[] png = TestImages.png(TestImages.quadrants(120, 80, Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW));

        ImageMetadata metadata = reader.read(png);

        assertThat(metadata.format()).isEqualTo(ImageFormat.PNG);
        assertThat(metadata.width()).isEqualTo(120);
        assertThat(metadata.height()).isEqualTo(80);
        assertThat(metadata.orientation()).isNull();
        assertThat(metadata.warnings()).isEmpty();
    }

    @Test
    void emptyBytesAreUnknownWithTheEmptyDigest() {
        ImageMetadata metadata = reader.read(new byte[0]);

        assertThat(metadata.format()).isEqualTo(ImageFormat.UNKNOWN);
        assertThat(metadata.fileSize()).isZero();
        assertThat(metadata.width()).isZero();
        assertThat(metadata.height()).isZero();
        assertThat(metadata.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(metadata.warnings()).isEmpty();
    }

    @Test
    void textIsUnknownAndHashedAsIs() {
        ImageMetadata metadata = reader.read("abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(metadata.format()).isEqualTo(ImageFormat.UNKNOWN);
        assertThat(metadata.fileSize()).isEqualTo(3);
        assertThat(metadata.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void invalidOrientationIsDroppedWithAWarning() {
        byte[] jpeg = new ExifBuilder().orientation(0).writeInto(TestImages.jpeg(90, 60));

        ImageMetadata metadata = reader.read(jpeg);

        assertThat(metadata.orientation()).isNull();
        assertThat(metadata.width()).isEqualTo(90);
        assertThat(metadata.height()).isEqualTo(60);
        assertThat(metadata.warnings())
                .containsExactly("The EXIF orientation 0 is not valid (1 to 8); the image is shown as stored");
    }

    @Test
    void placeholderDateIsDroppedWithAWarning() {
        byte[] jpeg = new ExifBuilder().dateTimeOriginal("0000:00:00 00:00:00").writeInto(TestImages.jpeg(16, 16));

        ImageMetadata metadata = reader.read(jpeg);

        assertThat(metadata.creationTime()).isNull();
        assertThat(metadata.warnings())
                .containsExactly("The capture date '0000:00:00 00:00:00' is not a valid date and was ignored");
    }

    @Test
    void offsetTimeIsTheFallbackForOffsetTimeOriginal() {
        byte[] jpeg = new ExifBuilder().offsetTime("-05:00").writeInto(TestImages.jpeg(16, 16));

        assertThat(reader.read(jpeg).creationTimeOffset()).isEqualTo("-05:00");
    }

    @Test
    void offsetTimeOriginalWinsOverOffsetTime() {
        byte[] jpeg = new ExifBuilder().offsetTime("-05:00").offsetTimeOriginal("+09:30")
                .writeInto(TestImages.jpeg(16, 16));

        assertThat(reader.read(jpeg).creationTimeOffset()).isEqualTo("+09:30");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        zero denominator  | N | 48/1 5332358/100000 0/0 | E | 21/1 259507/100000 0/0             | The GPS latitude contains a fraction with a zero denominator (0/0); no position was kept
        no N/S reference  | X | 10/1 0/1 0/1            | E | 20/1 0/1 0/1             | The GPS latitude has no N/S reference ('X'); no position was kept
        latitude above 90 | S | 91/1 0/1 0/1            | E | 20/1 0/1 0/1             | The GPS latitude 91.0 is out of range; no position was kept
        """)
    void unusableGpsGivesNoPositionAndAWarning(String name, String latitudeRef, String latitude,
                                               String longitudeRef, String longitude, String warning) {
        byte[] jpeg = new ExifBuilder().rawGps(latitudeRef, latitude, longitudeRef, longitude)
                .writeInto(TestImages.jpeg(16, 16));

        ImageMetadata metadata = reader.read(jpeg);

        assertThat(metadata.geo()).isNull();
        assertThat(metadata.warnings()).containsExactly(warning);
    }

    @Test
    void aPositionOfExactlyZeroZeroIsKeptWithAWarning() {
        byte[] jpeg = new ExifBuilder().rawGps("N", "0/1 0/1 0/1", "E", "0/1 0/1 0/1").writeInto(TestImages.jpeg(16, 16));

        ImageMetadata metadata = reader.read(jpeg);

        assertThat(metadata.geo()).isEqualTo(new GeoLocation(0, 0, null));
        assertThat(metadata.warnings())
                .containsExactly("The GPS position is exactly 0, 0, which devices also record when they have no fix");
    }

    @Test
    void malformedExifBlockIsReportedAndTheRestStillRead() {
        byte[] garbage = "Exif\0\0XX\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] jpeg = TestImages.withSegment(TestImages.jpeg(50, 40), 0xE1, garbage);

        ImageMetadata metadata = reader.read(jpeg);

        assertThat(metadata.width()).isEqualTo(50);
        assertThat(metadata.height()).isEqualTo(40);
        assertThat(metadata.exifMake()).isNull();
        assertThat(metadata.warnings()).singleElement().asString()
                .startsWith("The EXIF metadata is malformed and was ignored (");
    }

    @Test
    void cutOffJpegHeaderGivesNoSizeAndAWarning() {
        byte[] jpeg = new ExifBuilder().make("Canon").writeInto(TestImages.jpeg(50, 40));

        ImageMetadata metadata = reader.read(java.util.Arrays.copyOf(jpeg, 30));

        assertThat(metadata.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(metadata.width()).isZero();
        assertThat(metadata.warnings()).singleElement().asString().startsWith("The JPEG headers could not be read (");
    }
}
