package org.imageproc.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class LabellerTest {

    private static final Box BOX = new Box(0.1, 0.2, 0.3, 0.4);
    private final Labeller labeller = new Labeller(TestCalibrations.RAW_SCORE);

    @Test
    void aDogBringsItsParentsAsLabelsWithItsConfidence() {
        List<DetectedLabel> labels = labeller.labels(List.of(new Detection("dog", 0.55, BOX)), 10, 60);

        assertThat(labels).extracting(DetectedLabel::name)
                .containsExactly("Dog", "Canine", "Mammal", "Animal", "Pet");
        DetectedLabel dog = labels.get(0);
        assertThat(dog.confidence()).isCloseTo(60 + 40 * (0.55 - 0.38) / 0.62, within(1e-9));
        assertThat(dog.parents()).containsExactly("Canine", "Mammal", "Animal", "Pet");
        assertThat(dog.categories()).containsExactly("Animals and Pets");
        assertThat(dog.instances()).containsExactly(new LabelBox(BOX, dog.confidence()));
        DetectedLabel mammal = labels.get(2);
        assertThat(mammal.confidence()).isEqualTo(dog.confidence());
        assertThat(mammal.instances()).isEmpty();
        assertThat(mammal.parents()).containsExactly("Animal");
    }

    @Test
    void namesFollowRekognitionNotCoco() {
        List<DetectedLabel> labels = labeller.labels(List.of(
                new Detection("cell phone", 0.9, BOX), new Detection("tv", 0.8, BOX),
                new Detection("bus", 0.7, BOX)), 20, 0);

        assertThat(labels).extracting(DetectedLabel::name).startsWith("Mobile Phone", "Phone", "Electronics")
                .contains("TV", "Screen", "Bus", "Vehicle", "Transportation")
                .doesNotContain("cell phone", "tv", "Tv");
        assertThat(labels.stream().filter(l -> l.name().equals("Bus")).findFirst().orElseThrow().parents())
                .containsExactly("Vehicle", "Transportation");
    }

    @Test
    void objectsOfOneClassAreInstancesOfOneLabelBestFirst() {
        Box other = new Box(0.5, 0.5, 0.2, 0.2);
        List<DetectedLabel> labels = labeller.labels(List.of(
                new Detection("person", 0.45, other), new Detection("person", 0.8, BOX)), 10, 60);

        assertThat(labels).hasSize(1);
        assertThat(labels.get(0).confidence()).isCloseTo(60 + 40 * (0.8 - 0.38) / 0.62, within(1e-9));
        assertThat(labels.get(0).instances()).extracting(LabelBox::box).containsExactly(BOX, other);
    }

    @Test
    void minConfidenceAndMaxLabelsApply() {
        List<Detection> detections = List.of(new Detection("dog", 0.55, BOX), new Detection("bench", 0.35, BOX));

        assertThat(labeller.labels(detections, 10, 60)).extracting(DetectedLabel::name).doesNotContain("Bench");
        assertThat(labeller.labels(detections, 10, 50)).extracting(DetectedLabel::name).contains("Bench", "Furniture");
        assertThat(labeller.labels(detections, 2, 0)).extracting(DetectedLabel::name).containsExactly("Dog", "Canine");
    }

    @Test
    void aClassMissingFromTheTableIsTitleCased() {
        assertThat(Taxonomy.titleCase("fire hydrant")).isEqualTo("Fire Hydrant");
        assertThat(Taxonomy.load().forClass("sea lion").name()).isEqualTo("Sea Lion");
    }

    @Test
    void everyModelClassHasAnEntryWithACategory() {
        Taxonomy taxonomy = Taxonomy.load();
        assertThat(CocoClasses.NAMES).hasSize(80).allSatisfy(c -> assertThat(taxonomy.forClass(c).categories())
                .as(c).isNotEmpty());
    }
}
