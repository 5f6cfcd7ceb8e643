package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.imageproc.detector.LabelsEvalScore.Judged;
import org.imageproc.detector.LabelsEvalSet.Photo;
import org.imageproc.testing.LabelPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation set is well formed, big and mixed enough, stored as its SOURCES.md says, and scored as issue #12 asks. */
class LabelsEvalSetTest {

    private static final Box BOX = new Box(0.1, 0.1, 0.5, 0.5);

    @Test
    void theSetIsWellFormedAndHalfOfItShowsNoCocoObject() {
        LabelsEvalSet set = LabelsEvalSet.load();
        List<Photo> own = set.photos().stream().filter(photo -> !photo.shared()).toList();
        if (!set.unavailable().isEmpty()) {
            System.out.printf("%d shared photos left out: %s is absent%n", set.unavailable().size(),
                    LabelsEvalSet.SHARED.toAbsolutePath().normalize());
        }

        assertThat(set.photos().size() + set.unavailable().size()).isGreaterThanOrEqualTo(60);
        assertThat(set.photos()).allSatisfy(photo -> assertThat(photo.coco()).isNotEqualTo(
                photo.must().isEmpty() && photo.also().isEmpty()));
        long withoutCoco = set.photos().stream().filter(photo -> !photo.coco()).count();
        assertThat(2 * withoutCoco).as("photos without COCO objects, of %d", set.photos().size())
                .isGreaterThanOrEqualTo(set.photos().size());
        assertThat(own.stream().filter(photo -> !photo.coco())).hasSizeGreaterThanOrEqualTo(own.size() / 2);
    }

    @Test
    void everyPhotoDecodesToAPictureTheDetectorLooksAt() throws IOException {
        for (Photo photo : LabelsEvalSet.load().photos()) {
            try (ImageInputStream in = ImageIO.createImageInputStream(photo.path().toFile())) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                assertThat(readers.hasNext()).as(photo.key() + " is a picture").isTrue();
                ImageReader reader = readers.next();
                reader.setInput(in);
                ImageReadParam param = reader.getDefaultReadParam();
                // every pixel row is still decoded; only every eighth is kept, so the 12 MP ones stay small
                param.setSourceSubsampling(8, 8, 0, 0);
                BufferedImage image = reader.read(0, param);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                reader.dispose();
                // under Picture.MIN_SIDE the detector stays silent on purpose, so such a photo would test nothing
                assertThat(Math.min(width, height)).as(photo.key()).isGreaterThanOrEqualTo(Picture.MIN_SIDE);
                assertThat(image.getWidth()).as(photo.key()).isEqualTo((width + 7) / 8);
            }
        }
    }

    @Test
    void theFolderStaysSmall() throws IOException {
        long bytes;
        try (Stream<Path> files = Files.list(LabelsEvalSet.DIR)) {
            bytes = files.mapToLong(file -> file.toFile().length()).sum();
        }

        assertThat(bytes).as("bytes in %s", LabelsEvalSet.DIR).isLessThan(25L << 20);
    }

    @Test
    void ownPhotosAreUprightJpegsOfAtMost1280PixelsWithoutMetadata() throws IOException {
        for (Photo photo : LabelsEvalSet.load().photos()) {
            if (photo.shared()) {
                continue;
            }
            byte[] bytes = photo.bytes();
            assertThat(bytes).as(photo.key()).startsWith(0xFF, 0xD8);
            assertThat(JpegSegments.hasExif(bytes)).as(photo.key() + " has EXIF").isFalse();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(Math.max(image.getWidth(), image.getHeight())).as(photo.key()).isBetween(100, 1280);
        }
    }

    @Test
    void theNineSharedPhotosKeepTheSharedJudgement() {
        LabelPhotos.assumePresent();
        Map<String, Photo> byKey = LabelsEvalSet.load().photos().stream()
                .collect(Collectors.toMap(Photo::key, photo -> photo));
        List<LabelPhotos.Expected> shared = LabelPhotos.expected();

        assertThat(shared).hasSize(9);
        for (LabelPhotos.Expected expected : shared) {
            Photo photo = byKey.get(LabelsEvalSet.SHARED_LABELS + expected.file());
            assertThat(photo).as(expected.file()).isNotNull();
            assertThat(photo.must()).as(expected.file()).containsExactlyInAnyOrderElementsOf(expected.must());
            assertThat(photo.also()).as(expected.file()).containsAll(expected.also());
        }
    }

    @Test
    void aMalformedSetIsRefusedWithEveryFaultNamed(@TempDir Path dir) throws IOException {
        Path own = LabelsEvalSet.DIR;
        Files.copy(own.resolve("gcompris-dog.jpg"), dir.resolve("dog.jpg"));
        Files.copy(own.resolve("mate-aqua.jpg"), dir.resolve("drop.jpg"));
        Files.copy(own.resolve("gcompris-cat.jpg"), dir.resolve("stray.jpg"));
        Files.writeString(dir.resolve("SOURCES.md"), "dog.jpg drop.jpg stray.jpg nowhere.jpg");
        Files.writeString(dir.resolve("expected.json"), """
                {"dog.jpg": {"must": ["dog", "wolf"], "also": ["dog"], "coco": true, "notes": "a dog"},
                 "drop.jpg": {"must": [], "also": [], "coco": true, "notes": ""},
                 "gone.jpg": {"must": ["cat"], "also": [], "coco": true, "notes": "a cat"},
                 "../shared/nowhere.jpg": {"must": [], "also": [], "coco": false, "notes": "sky"},
                 "../shared/unlisted.jpg": {"must": [], "also": [], "coco": false, "notes": "sky"}}
                """);

        assertThatThrownBy(() -> LabelsEvalSet.load(dir, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dog.jpg: \"wolf\" in must is not a COCO class name")
                .hasMessageContaining("dog.jpg: \"dog\" is in both must and also")
                .hasMessageContaining("drop.jpg: \"coco\" is true but must and also are both empty")
                .hasMessageContaining("drop.jpg: no \"notes\"")
                .hasMessageContaining("gone.jpg: not in SOURCES.md")
                .hasMessageContaining("gone.jpg: listed, but there is no such file")
                .hasMessageContaining("../shared/nowhere.jpg: listed, but there is no such file")
                .hasMessageContaining("../shared/unlisted.jpg: not in SOURCES.md")
                .hasMessageContaining("stray.jpg: in the folder but not in expected.json");
    }

    @Test
    void aKeyListedTwiceIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("SOURCES.md"), "");
        Files.writeString(dir.resolve("expected.json"), """
                {"a.jpg": {"must": [], "also": [], "coco": false, "notes": "x"},
                 "a.jpg": {"must": [], "also": [], "coco": false, "notes": "y"}}
                """);

        assertThatThrownBy(() -> LabelsEvalSet.load(dir, dir)).hasMessageContaining("Duplicate field 'a.jpg'");
    }

    @Test
    void sharedPhotosAreLeftOutWhenTheSharedFolderIsAbsent(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("SOURCES.md"), "- `testdata/labels/x.jpg`");
        Files.writeString(dir.resolve("expected.json"), """
                {"../shared/testdata/labels/x.jpg": {"must": ["dog"], "also": [], "coco": true, "notes": "a dog"}}
                """);

        LabelsEvalSet set = LabelsEvalSet.load(dir, dir.resolve("absent"));

        assertThat(set.photos()).isEmpty();
        assertThat(set.unavailable()).containsExactly("../shared/testdata/labels/x.jpg");
    }

    @Test
    void aWrongChildMakesAWrongObjectButItsTrueParentStaysRight() {
        Photo nuthatch = photo(List.of("bird"), List.of(), true);
        List<DetectedLabel> labels = new Labeller(TestCalibrations.RAW_SCORE).labels(List.of(new Detection("giraffe", 0.5, BOX)), 10, 60);

        Judged judged = new LabelsEvalScore().judge(nuthatch, labels);

        assertThat(labels).extracting(DetectedLabel::name).containsExactly("Giraffe", "Mammal", "Animal", "Wildlife");
        assertThat(judged.missed()).containsExactly("Bird");
        assertThat(judged.wrongObjects()).containsExactly("Giraffe");
        assertThat(judged.confident()).isEqualTo(4);
        assertThat(judged.confidentRight()).isEqualTo(1);
    }

    @Test
    void figuresCountMainSubjectsPhotosWithWrongObjectsAndConfidentLabels() {
        LabelsEvalScore score = new LabelsEvalScore();
        Photo dogAndBike = photo(List.of("dog", "bicycle"), List.of("car"), true);
        Photo meadow = photo(List.of(), List.of(), false);
        Judged dog = score.judge(dogAndBike, new Labeller(TestCalibrations.RAW_SCORE).labels(List.of(new Detection("dog", 0.6, BOX),
                new Detection("car", 0.3, BOX)), 10, 20));
        Judged grass = score.judge(meadow, new Labeller(TestCalibrations.RAW_SCORE).labels(List.of(new Detection("broccoli", 0.4, BOX)), 10, 60));

        LabelsEvalScore.Figures figures = LabelsEvalScore.sum(List.of(dog, grass));

        assertThat(dog.found()).containsExactly("Dog");
        assertThat(dog.missed()).containsExactly("Bicycle");
        assertThat(dog.wrongObjects()).isEmpty();
        // Car (confidence about 50) is right but under 60: only the dog and its four parents count for precision
        assertThat(dog.confident()).isEqualTo(5);
        assertThat(grass.wrongObjects()).containsExactly("Broccoli");
        assertThat(figures.mainSubjectsFound()).isEqualTo(50.0);
        assertThat(figures.photosWithWrongObjectRate()).isEqualTo(50.0);
        assertThat(figures.confidentRight()).isEqualTo(5);
        assertThat(figures.confident()).isEqualTo(5 + grass.labels().size());
        assertThat(LabelsEvalScore.sum(List.of(grass)).mainSubjectsFound()).isNaN();
    }

    @Test
    void theReportShowsEachPhotoAndTheFiguresOfEachPart() {
        LabelsEvalScore score = new LabelsEvalScore();
        Judged dog = score.judge(photo(List.of("dog"), List.of(), true),
                new Labeller(TestCalibrations.RAW_SCORE).labels(List.of(new Detection("dog", 0.6, BOX)), 10, 60));
        Judged meadow = score.judge(photo(List.of(), List.of(), false), List.of());

        String report = LabelsEvalReport.render(List.of(dog, meadow), "test settings", List.of("../shared/x.jpg"));

        assertThat(report).contains("test settings")
                .contains("| a.jpg | yes | dog /  | Dog* 74, Canine 74, Mammal 74, Animal 74, Pet 74 |  |  |")
                .contains("| a.jpg | no |  /  | (none) |  |  |")
                .contains("| whole set | 2 | 100.0% (1/1) | 0.0% (0/2) | 100.0% (5/5) |")
                .contains("| photos without COCO objects | 1 | n/a | 0.0% (0/1) | n/a |")
                .contains("Left out, ../shared absent: ../shared/x.jpg");
    }

    private static Photo photo(List<String> must, List<String> also, boolean coco) {
        return new Photo("a.jpg", Path.of("a.jpg"), must, also, coco, "test");
    }

    /** Just enough of the JPEG marker structure to tell whether an APP1 Exif segment is there. */
    private static final class JpegSegments {

        static boolean hasExif(byte[] jpeg) {
            int i = 2;
            while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
                int marker = jpeg[i + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) {
                    return false;
                }
                int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
                if (marker == 0xE1 && length >= 8 && new String(jpeg, i + 4, 4, StandardCharsets.US_ASCII)
                        .equals("Exif")) {
                    return true;
                }
                i += 2 + length;
            }
            return false;
        }
    }
}
