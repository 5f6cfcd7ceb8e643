package org.imageproc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imageproc.TestService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs every file of {@code ../shared/testdata/photos} through the running pipeline and compares the stored item
 * with {@code expected.jsonl} (exiftool and ImageMagick ground truth).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoConformanceIT {

    private static final Path PHOTOS = Path.of("..", "shared", "testdata", "photos");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private TestService service;

    @BeforeAll
    void uploadEveryPhoto() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(PHOTOS),
                "Skipped: " + PHOTOS.toAbsolutePath().normalize() + " is absent (the shared test data sits beside the project in CI)");
        service = TestService.get();
        for (JsonNode expected : expectations().toList()) {
            byte[] bytes = Files.readAllBytes(PHOTOS.resolve(expected.path("file").asText()));
            service.s3().putObject(r -> r.bucket(TestService.BUCKET).key("Incoming/" + imageId(expected)),
                    RequestBody.fromBytes(bytes));
        }
    }

    static Stream<JsonNode> expectations() throws IOException {
        if (!Files.isDirectory(PHOTOS)) {
            return Stream.of(JSON.createObjectNode().put("file", "(../shared absent)").put("category", "absent"));
        }
        List<JsonNode> lines;
        try (Stream<String> stream = Files.lines(PHOTOS.resolve("expected.jsonl"))) {
            lines = stream.filter(line -> !line.isBlank()).map(PhotoConformanceIT::parse).toList();
        }
        return lines.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void storedItemMatchesTheGroundTruth(JsonNode expected) {
        Map<String, AttributeValue> item = service.awaitFinal(imageId(expected), Duration.ofSeconds(60));
        String category = expected.path("category").asText();
        String file = expected.path("file").asText();
        String status = item.get("status").s();

        switch (category) {
            case "unsupported" -> {
                assertThat(status).as(file).isEqualTo("FAILED");
                assertThat(item.get("error").s()).isEqualTo("NotSupportedImageType");
                assertThat(item.get("cause").s()).endsWith("images are not supported; upload JPEG or PNG");
            }
            case "corrupt" -> {
                if (expected.path("FileType").isNull() || !List.of("JPEG", "PNG").contains(expected.path("FileType").asText())) {
                    assertThat(status).as(file).isEqualTo("FAILED");
                    assertThat(item.get("error").s()).isIn("EmptyFile", "NotAnImage");
                    assertThat(item.get("cause").s()).isNotBlank();
                } else if (status.equals("FAILED")) {
                    assertThat(item.get("error").s()).as(file).isNotBlank();
                    assertThat(item.get("cause").s()).as(file).isNotBlank();
                } else {
                    assertThat(status).isEqualTo("SUCCEEDED");
                    assertThat(item.get("warnings").l()).as(file + " succeeded, so it must say what was wrong").isNotEmpty();
                    assertDecoded(expected, item);
                }
            }
            default -> {
                assertThat(status).as(file + ": " + item.get("cause")).isEqualTo("SUCCEEDED");
                assertDecoded(expected, item);
            }
        }
    }

    private static void assertDecoded(JsonNode expected, Map<String, AttributeValue> item) {
        String file = expected.path("file").asText();
        assertThat(item.get("imageFormat").s()).as(file).isEqualTo(expected.path("FileType").asText());
        int width = expected.path("DisplayWidth").asInt();
        int height = expected.path("DisplayHeight").asInt();
        assertThat(number(item.get("dimensions").m().get("width"))).as(file + " width").isEqualTo(width);
        assertThat(number(item.get("dimensions").m().get("height"))).as(file + " height").isEqualTo(height);
        assertThat(text(item, "exifMake")).as(file + " make").isEqualTo(textOrNull(expected, "Make"));
        assertThat(text(item, "exifModel")).as(file + " model").isEqualTo(textOrNull(expected, "Model"));
        String original = textOrNull(expected, "DateTimeOriginal");
        assertThat(text(item, "creationTime")).as(file + " creation time")
                .isEqualTo(original == null ? null : original.replaceFirst("^(\\d{4}):(\\d{2}):(\\d{2}) ", "$1-$2-$3T"));
        assertThat(text(item, "creationTimeOffset")).as(file + " offset").isEqualTo(textOrNull(expected, "OffsetTimeOriginal"));
        int orientation = expected.path("Orientation").asInt(0);
        // its only Orientation tag describes the embedded EXIF thumbnail (IFD1), not the photo; exiftool reports it
        if (file.equals("nikon_d5000_gps_zero_denominator.jpg")) {
            assertThat(item).as(file + " orientation").doesNotContainKey("orientation");
        } else if (orientation >= 1 && orientation <= 8) {
            assertThat(number(item.get("orientation"))).as(file + " orientation").isEqualTo(orientation);
        } else {
            assertThat(item).as(file + " orientation").doesNotContainKey("orientation");
        }
        if (expected.path("GPSLatitude").isNumber()) {
            Map<String, AttributeValue> geo = item.get("geo").m();
            assertThat(Double.parseDouble(geo.get("latitude").n())).as(file + " latitude")
                    .isCloseTo(expected.path("GPSLatitude").asDouble(), within(1e-5));
            assertThat(Double.parseDouble(geo.get("longitude").n())).as(file + " longitude")
                    .isCloseTo(expected.path("GPSLongitude").asDouble(), within(1e-5));
        }
        Map<String, AttributeValue> thumbnail = item.get("thumbnail").m();
        int thumbWidth = number(thumbnail.get("width"));
        int thumbHeight = number(thumbnail.get("height"));
        assertThat(Math.max(thumbWidth, thumbHeight)).as(file + " thumbnail")
                .isEqualTo(Math.min(250, Math.max(width, height)));
        assertThat((double) thumbHeight).as(file + " thumbnail aspect ratio")
                .isCloseTo((double) thumbWidth * height / width, within(1.0));
    }

    private String imageId(JsonNode expected) {
        return "conformance-" + run + "/" + expected.path("file").asText();
    }

    private static int number(AttributeValue value) {
        return Integer.parseInt(value.n());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("Bad line in expected.jsonl: " + line, e);
        }
    }
}
