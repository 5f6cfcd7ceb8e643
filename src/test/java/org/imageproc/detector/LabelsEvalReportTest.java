package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.imageproc.detector.LabelsEvalScore.Judged;
import org.imageproc.metadata.ImageFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the local detector over the whole evaluation set at the service's default MaxLabels and MinConfidence and
 * reports, per photo and as issue #12's three figures, how it does (in the test output and in
 * {@code target/labels-eval-report.md}). It asserts no accuracy targets yet: it fails when the set is malformed or a
 * photo goes unjudged. Photos of {@code ../shared} are left out, with a message, when it is absent.
 */
@Tag("detector")
class LabelsEvalReportTest {

    static final Path REPORT = Path.of("target", "labels-eval-report.md");

    @Test
    void reportsTheLocalDetectorOnTheEvaluationSet() throws IOException {
        LabelsEvalSet set = LabelsEvalSet.load();
        Properties service = serviceDefaults();
        int maxLabels = Integer.parseInt(service.getProperty("imageproc.labels.max-labels").trim());
        double minConfidence = Double.parseDouble(service.getProperty("imageproc.labels.min-confidence").trim());
        LabelsEvalScore score = new LabelsEvalScore();

        List<Judged> judged = new ArrayList<>();
        long started = System.nanoTime();
        try (LocalLabels labels = new LocalLabels(ObjectDetectors.load(getClass().getClassLoader()))) {
            for (LabelsEvalSet.Photo photo : set.photos()) {
                byte[] bytes = photo.bytes();
                judged.add(score.judge(photo, labels.detect(bytes, ImageFormat.detect(bytes), maxLabels, minConfidence)));
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String report = LabelsEvalReport.render(judged, String.format(Locale.ROOT,
                "%d photos, MaxLabels %d, MinConfidence %.0f (the service defaults), model load and detection %d s",
                judged.size(), maxLabels, minConfidence, seconds), set.unavailable());
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
        System.out.println(report);

        assertThat(judged).hasSameSizeAs(set.photos());
        assertThat(judged.size() + set.unavailable().size()).isGreaterThanOrEqualTo(60);
        LabelsEvalScore.Figures whole = LabelsEvalScore.sum(judged);
        assertThat(whole.mustFound()).isBetween(0, whole.must());
        assertThat(whole.confidentRight()).isBetween(0, whole.confident());
        assertThat(judged).allSatisfy(j -> assertThat(j.labels()).hasSizeLessThanOrEqualTo(maxLabels)
                .allSatisfy(label -> assertThat(label.confidence()).isGreaterThanOrEqualTo(minConfidence)));
    }

    private static Properties serviceDefaults() {
        Properties properties = new Properties();
        try (InputStream in = LabelsEvalReportTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
