package org.imageproc.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageRejectedException;
import org.imageproc.testing.TestImages;
import org.imageproc.thumbnail.Thumbnail;
import org.imageproc.thumbnail.ThumbnailMaker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares metadata, checks and thumbnails with the ground truth of the shared photo set (exiftool and
 * ImageMagick output in expected.jsonl, one case per file).
 */
class SharedPhotosConformanceTest {

    private static final Path PHOTOS = Path.of("..", "shared", "testdata", "photos");
    private static final int THUMBNAIL_BOX = 250;
    private static final double DEGREES_TOLERANCE = 1e-5;
    private static final double METRES_TOLERANCE = 1e-3;
    /** Files whose only Orientation tag is in IFD1, the EXIF thumbnail's directory. */
    private static final Set<String> THUMBNAIL_ONLY_ORIENTATION = Set.of("nikon_d5000_gps_zero_denominator.jpg");
    /** Categories whose files must make a thumbnail. */
    private static final Set<String> GOOD_CATEGORIES = Set.of("camera", "orientation", "png");

    private final MetadataReader reader = new MetadataReader();
    private final ImageCheck check = new ImageCheck(100_000_000);
    private final ThumbnailMaker thumbnails = new ThumbnailMaker(THUMBNAIL_BOX);

    static Stream<Arguments> photos() throws IOException {
        if (!Files.isDirectory(PHOTOS)) {
            // one case, so that the skip and its reason show in the report instead of nothing at all
            return Stream.of(Arguments.of("(no shared photos)", null));
        }
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(PHOTOS.resolve("expected.jsonl")).stream()
                .filter(line -> !line.isBlank())
                .map(line -> Expected.of(readTree(json, line)))
                .map(expected -> Arguments.of(expected.file(), expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void metadataMatchesExiftool(String file, Expected expected) {
        assumePhotosArePresent();
        ImageMetadata metadata = reader.read(bytes(file));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(metadata.format()).as("%s format", expected).isEqualTo(expected.format());
        soft.assertThat(metadata.sha256()).as("%s sha256", expected).isEqualTo(expected.sha256());
        soft.assertThat(metadata.fileSize()).as("%s fileSize", expected).isEqualTo(expected.bytes());
        if (metadata.format().supported() || metadata.width() > 0) {
            soft.assertThat(metadata.width()).as("%s displayed width", expected).isEqualTo(expected.displayWidth());
            soft.assertThat(metadata.height()).as("%s displayed height", expected).isEqualTo(expected.displayHeight());
        }
        soft.assertThat(metadata.exifMake()).as("%s make", expected).isEqualTo(expected.make());
        soft.assertThat(metadata.exifModel()).as("%s model", expected).isEqualTo(expected.model());
        soft.assertThat(metadata.creationTime()).as("%s creation time", expected).isEqualTo(expected.creationTime());
        soft.assertThat(metadata.creationTimeOffset()).as("%s offset", expected).isEqualTo(expected.offsetTimeOriginal());
        soft.assertThat(metadata.orientation()).as("%s orientation", expected).isEqualTo(expectedOrientation(expected));
        if (expected.orientation() != null && expected.validOrientation() == null) {
            soft.assertThat(metadata.warnings()).as("%s warnings", expected).anyMatch(w -> w.contains("orientation"));
        }
        assertGeo(soft, metadata, expected);
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void thumbnailIsMadeOrTheFileRejectedWithAReason(String file, Expected expected) {
        assumePhotosArePresent();
        byte[] bytes = bytes(file);
        ImageMetadata metadata = reader.read(bytes);
        Thumbnail thumbnail;
        try {
            check.check(metadata);
            thumbnail = thumbnails.make(bytes, metadata.format(), metadata.orientation());
        } catch (ImageRejectedException e) {
            assertThat(expected.category()).as("%s category of a rejected file (%s)", expected, e.getMessage()).isIn("corrupt", "unsupported");
            assertThat(e.getMessage()).as("%s message", expected).isNotBlank();
            if (expected.category().equals("unsupported")) {
                assertThat(e.error()).as("%s error", expected).isEqualTo(FailureCode.NOT_SUPPORTED_IMAGE_TYPE);
                assertThat(e.getMessage()).as("%s message", expected)
                        .isEqualTo(expected.format().displayName() + " images are not supported; upload JPEG or PNG");
            }
            return;
        }
        assertThat(expected.category()).as("%s category of a file that made a thumbnail", expected).isNotEqualTo("unsupported");
        int width = expected.displayWidth();
        int height = expected.displayHeight();
        assertThat(Math.max(thumbnail.width(), thumbnail.height())).as("%s longest side", expected)
                .isEqualTo(Math.min(THUMBNAIL_BOX, Math.max(width, height)));
        assertThat((double) thumbnail.width()).as("%s width for the displayed aspect ratio", expected)
                .isCloseTo((double) thumbnail.height() * width / height, within(1.0));
        BufferedImage decoded = TestImages.decode(thumbnail.bytes());
        assertThat(decoded.getWidth()).as("%s decoded width", expected).isEqualTo(thumbnail.width());
        assertThat(decoded.getHeight()).as("%s decoded height", expected).isEqualTo(thumbnail.height());
        if (!GOOD_CATEGORIES.contains(expected.category())) {
            assertThat(Stream.concat(metadata.warnings().stream(), thumbnail.warnings().stream()))
                    .as("%s is damaged and made a thumbnail, so it must say what is wrong", expected).isNotEmpty();
        }
    }

    /** Every landscape sample shows the same picture once its orientation is applied (0 is invalid: as stored). */
    @ParameterizedTest
    @ValueSource(strings = {"0_invalid", "2", "3", "4", "5", "6", "7", "8"})
    void orientationSamplesLookLikeTheUprightOne(String suffix) {
        assumePhotosArePresent();
        BufferedImage upright = thumbnail("orientation_landscape_1.jpg");
        BufferedImage turned = thumbnail("orientation_landscape_" + suffix + ".jpg");

        assertThat(turned.getWidth()).isEqualTo(upright.getWidth());
        assertThat(turned.getHeight()).isEqualTo(upright.getHeight());
        // measured: turned right, the samples differ by 3 to 8 levels (JPEG re-encoding); turned wrong, by over 70
        assertThat(meanDifference(upright, turned)).isLessThan(20);
    }

    private static void assumePhotosArePresent() {
        assumeTrue(Files.isDirectory(PHOTOS),
                "../shared/testdata/photos not found: " + PHOTOS.toAbsolutePath().normalize());
    }

    /**
     * Deliberate: only IFD0's orientation applies to the main image. exiftool falls back to IFD1, which
     * describes the embedded thumbnail; where IFD0 has none we say null (shown as stored, the same as 1).
     */
    private static Integer expectedOrientation(Expected expected) {
        return THUMBNAIL_ONLY_ORIENTATION.contains(expected.file()) ? null : expected.validOrientation();
    }

    private static void assertGeo(SoftAssertions soft, ImageMetadata metadata, Expected expected) {
        GeoLocation geo = metadata.geo();
        if (expected.latitude() == null || expected.longitude() == null) {
            soft.assertThat(geo).as("%s geo", expected).isNull();
        } else if (geo == null) {
            soft.fail("%s geo is null, expected %s, %s", expected, expected.latitude(), expected.longitude());
        } else {
            soft.assertThat(geo.latitude()).as("%s latitude", expected).isCloseTo(expected.latitude(), within(DEGREES_TOLERANCE));
            soft.assertThat(geo.longitude()).as("%s longitude", expected).isCloseTo(expected.longitude(), within(DEGREES_TOLERANCE));
            if (expected.altitude() == null) {
                soft.assertThat(geo.altitude()).as("%s altitude", expected).isNull();
            } else {
                soft.assertThat(geo.altitude()).as("%s altitude", expected).isCloseTo(expected.altitude(), within(METRES_TOLERANCE));
            }
        }
    }

    private BufferedImage thumbnail(String file) {
        byte[] bytes = bytes(file);
        ImageMetadata metadata = reader.read(bytes);
        return TestImages.decode(thumbnails.make(bytes, metadata.format(), metadata.orientation()).bytes());
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    total += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return total / (3.0 * a.getWidth() * a.getHeight());
    }

    private static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(PHOTOS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static JsonNode readTree(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of one expected.jsonl line that this test compares; null where the line has null. */
    record Expected(String file, String category, String fileType, String sha256, long bytes,
                    Integer displayWidth, Integer displayHeight, String make, String model,
                    String dateTimeOriginal, String offsetTimeOriginal, Integer orientation,
                    Double latitude, Double longitude, Double altitude) {

        static Expected of(JsonNode line) {
            return new Expected(text(line, "file"), text(line, "category"), text(line, "FileType"),
                    text(line, "sha256"), line.get("bytes").asLong(),
                    integer(line, "DisplayWidth"), integer(line, "DisplayHeight"),
                    text(line, "Make"), text(line, "Model"),
                    text(line, "DateTimeOriginal"), text(line, "OffsetTimeOriginal"), integer(line, "Orientation"),
                    number(line, "GPSLatitude"), number(line, "GPSLongitude"), number(line, "GPSAltitude"));
        }

        /** exiftool's FileType as our format: "Extended WEBP" is WebP, "TXT" and no type at all are not images. */
        ImageFormat format() {
            if (fileType == null || fileType.equals("TXT")) {
                return ImageFormat.UNKNOWN;
            }
            return fileType.endsWith("WEBP") ? ImageFormat.WEBP : ImageFormat.valueOf(fileType);
        }

        /** exiftool's {@code 2011:01:13 14:33:39} as ISO {@code 2011-01-13T14:33:39}. */
        String creationTime() {
            if (dateTimeOriginal == null) {
                return null;
            }
            return dateTimeOriginal.substring(0, 10).replace(':', '-') + "T" + dateTimeOriginal.substring(11);
        }

        Integer validOrientation() {
            return orientation != null && orientation >= 1 && orientation <= 8 ? orientation : null;
        }

        @Override
        public String toString() {
            return file;
        }

        private static String text(JsonNode line, String field) {
            JsonNode node = line.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        private static Integer integer(JsonNode line, String field) {
            JsonNode node = line.get(field);
            return node == null || node.isNull() ? null : node.asInt();
        }

        private static Double number(JsonNode line, String field) {
            JsonNode node = line.get(field);
            return node == null || node.isNull() ? null : node.asDouble();
        }
    }

}
