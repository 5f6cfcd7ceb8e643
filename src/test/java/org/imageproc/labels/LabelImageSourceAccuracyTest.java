package org.imageproc.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.imageproc.detector.DetectedLabel;
import org.imageproc.detector.LocalLabels;
import org.imageproc.detector.ObjectDetectors;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.imaging.PixelBudget;
import org.imageproc.imaging.WorkingImage;
import org.imageproc.imaging.WorkingImageReader;
import org.imageproc.metadata.ImageMetadata;
import org.imageproc.metadata.MetadataReader;
import org.imageproc.testing.LabelPhotos;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The local detector on the nine shared labelled photos, given the original (what imageproc.labels.image-source
 * s3-object makes it read) and given the reduced JPEG the label step sends by default: the JPEG must meet the bar of
 * LocalLabelsAccuracyIT (every "must" object found, objects neither "must" nor "also" on at most two photos). Both
 * paths' objects go to {@code target/labels-image-source.md}.
 */
@Tag("detector")
class LabelImageSourceAccuracyTest {

    private static final Path REPORT = Path.of("target", "labels-image-source.md");
    private static final int MAX_LABELS = 10;
    private static final double MIN_CONFIDENCE = 60;

    @Test
    void theReducedJpegFindsEveryMainSubjectWithFewWrongObjects() throws IOException {
        List<LabelPhotos.Expected> photos = LabelPhotos.expected();
        assertThat(photos).hasSize(9);
        Map<String, String> names = labelNames();
        List<String> missed = new ArrayList<>();
        Map<String, List<String>> wrongByPhoto = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder("| photo | original (s3-object) | " + LabelDetectorSettings.SIZE
                + " px JPEG (bytes) |\n|---|---|---|\n");
        try (LocalLabels labels = new LocalLabels(ObjectDetectors.load(getClass().getClassLoader()))) {
            for (LabelPhotos.Expected photo : photos) {
                byte[] original = photo.bytes();
                ImageMetadata metadata = new MetadataReader().read(original);
                WorkingImage working = WorkingImageReader.read(original, metadata.format(), metadata.orientation(),
                        LabelDetectorSettings.SIZE, PixelBudget.unlimited());
                byte[] jpeg = LabelRendition.jpeg(working, LabelDetectorSettings.SIZE);
                List<DetectedLabel> before = labels.detect(original, metadata.format(), MAX_LABELS, MIN_CONFIDENCE);
                List<DetectedLabel> detected = labels.detect(jpeg, ImageFormat.JPEG, MAX_LABELS, MIN_CONFIDENCE);
                List<String> after = objects(detected);
                report.append("| ").append(photo.file()).append(" | ").append(shown(before))
                        .append(" | ").append(shown(detected)).append(" |\n");
                photo.must().stream().map(names::get).filter(name -> !after.contains(name))
                        .forEach(name -> missed.add(photo.file() + ": " + name));
                List<String> allowed = new ArrayList<>();
                photo.must().forEach(c -> allowed.add(names.get(c)));
                photo.also().forEach(c -> allowed.add(names.get(c)));
                List<String> wrong = after.stream().filter(name -> !allowed.contains(name)).toList();
                if (!wrong.isEmpty()) {
                    wrongByPhoto.put(photo.file(), wrong);
                }
            }
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
        System.out.println(report);

        assertThat(missed).as("main subjects missed; found:\n" + report).isEmpty();
        assertThat(wrongByPhoto).as("photos with wrong objects; found:\n" + report).hasSizeLessThanOrEqualTo(2);
    }

    /** Labels with boxes: the objects (parents such as Animal are derived from them). */
    private static List<String> objects(List<DetectedLabel> labels) {
        return labels.stream().filter(label -> !label.instances().isEmpty()).map(DetectedLabel::name).toList();
    }

    private static String shown(List<DetectedLabel> labels) {
        return String.join(", ", labels.stream().filter(label -> !label.instances().isEmpty())
                .map(label -> String.format(Locale.ROOT, "%s %.0f", label.name(), label.confidence())).toList());
    }

    /** COCO class to label name, from the detector's taxonomy table. */
    private static Map<String, String> labelNames() throws IOException {
        Map<String, String> names = new HashMap<>();
        try (InputStream table = LocalLabels.class.getResourceAsStream("taxonomy.tsv");
             BufferedReader lines = new BufferedReader(new InputStreamReader(table, StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> line.split("\t"))
                    .forEach(columns -> names.put(columns[0], columns[1]));
        }
        return names;
    }

    /** The service's default image size, as application.properties sets it. */
    private static final class LabelDetectorSettings {
        static final int SIZE = 832;
    }
}
