package org.imageproc.detector.ort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imageproc.detector.Box;
import org.imageproc.detector.Detection;
import org.imageproc.detector.DetectorSettings;
import org.imageproc.detector.LocalLabels;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.testing.LabelPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * NanoDet on ONNX Runtime finds what the TensorFlow Java path found on the shared labelled photos (its detections
 * are recorded in tf-detections.tsv): the same objects in the same order, scores and boxes within 1e-5.
 */
@Tag("detector")
class NanoDetTest {

    private static final double TOLERANCE = 1e-5;
    private static NanoDet nanoDet;

    @BeforeAll
    static void load() {
        nanoDet = new NanoDet(new DetectorSettings(2, null));
    }

    @AfterAll
    static void close() {
        nanoDet.close();
    }

    @Test
    void findsWhatTheTensorFlowPathFound() throws IOException {
        Map<String, List<Detection>> reference = reference();
        assertThat(reference).hasSize(9);
        for (LabelPhotos.Expected photo : LabelPhotos.expected()) {
            List<Detection> found = nanoDet.detect(photo.bytes(), ImageFormat.JPEG, LocalLabels.MIN_RAW_SCORE);
            List<Detection> expected = reference.get(photo.file());

            assertThat(found).as(photo.file()).extracting(Detection::className)
                    .containsExactlyElementsOf(expected.stream().map(Detection::className).toList());
            for (int i = 0; i < found.size(); i++) {
                Detection a = found.get(i);
                Detection b = expected.get(i);
                String what = photo.file() + " #" + i + " " + a.className();
                assertThat(a.score()).as(what).isCloseTo(b.score(), within(TOLERANCE));
                assertThat(a.runnerUp()).as(what).isCloseTo(b.runnerUp(), within(TOLERANCE));
                assertThat(a.box().left()).as(what).isCloseTo(b.box().left(), within(TOLERANCE));
                assertThat(a.box().top()).as(what).isCloseTo(b.box().top(), within(TOLERANCE));
                assertThat(a.box().width()).as(what).isCloseTo(b.box().width(), within(TOLERANCE));
                assertThat(a.box().height()).as(what).isCloseTo(b.box().height(), within(TOLERANCE));
            }
        }
    }

    @Test
    void findsTheDogAndTheBicycleWithHeadsForEachStride() {
        List<Detection> found = nanoDet.detect(LabelPhotos.photo("darknet-dog.jpg"), ImageFormat.JPEG, 0.38);

        assertThat(found).extracting(Detection::className).containsExactly("bicycle", "dog");
        assertThat(found.get(0).score()).isBetween(0.65, 0.72);
        assertThat(found.get(1).score()).isBetween(0.40, 0.44);
        assertThat(nanoDet.run(new float[3 * NanoDet.INPUT_SIZE * NanoDet.INPUT_SIZE])).containsOnlyKeys(8, 16, 32)
                .allSatisfy((stride, head) -> {
                    int cells = (NanoDet.INPUT_SIZE / stride) * (NanoDet.INPUT_SIZE / stride);
                    assertThat(head.scores()).hasSize(cells * 80);
                    assertThat(head.distances()).hasSize(cells * 44);
                });
    }

    private static Map<String, List<Detection>> reference() throws IOException {
        Map<String, List<Detection>> byPhoto = new LinkedHashMap<>();
        try (InputStream in = NanoDetTest.class.getResourceAsStream("tf-detections.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                byPhoto.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Detection(f[1], d(f[2]),
                        new Box(d(f[4]), d(f[5]), d(f[6]), d(f[7])), d(f[3])));
            }
        }
        return byPhoto;
    }

    private static double d(String value) {
        return Double.parseDouble(value);
    }
}
