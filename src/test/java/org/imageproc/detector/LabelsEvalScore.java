package org.imageproc.detector;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.imageproc.detector.LabelsEvalSet.Photo;

/**
 * Judges the labels given to one photo against what a person sees in it, and sums issue #12's three figures: main
 * subjects found, photos with a wrong object label, and precision of the labels at Confidence 60 or more. An object
 * label (one with boxes) is right when it names a must or also object; a parent label (Animal, Vehicle) is right when
 * it is a parent of one of them, whichever child brought it.
 */
final class LabelsEvalScore {

    /** The confidence from which a label counts for precision: the "Confidence >= 60". */
    static final double CONFIDENT = 60;

    private final Taxonomy taxonomy = Taxonomy.load();

    /** One photo's labels, judged. */
    record Judged(Photo photo, List<DetectedLabel> labels, List<String> found, List<String> missed,
            List<String> wrongObjects, int confident, int confidentRight) {
    }

    /** The three figures over some photos; a rate is NaN when it has nothing to count. */
    record Figures(int photos, int must, int mustFound, int photosWithWrongObject, int confident, int confidentRight) {

        double mainSubjectsFound() {
            return percent(mustFound, must);
        }

        double photosWithWrongObjectRate() {
            return percent(photosWithWrongObject, photos);
        }

        double precision() {
            return percent(confidentRight, confident);
        }

        private static double percent(int part, int whole) {
            return whole == 0 ? Double.NaN : 100.0 * part / whole;
        }
    }

    Judged judge(Photo photo, List<DetectedLabel> labels) {
        Set<String> objects = new HashSet<>();
        Set<String> parents = new HashSet<>();
        Stream.concat(photo.must().stream(), photo.also().stream()).map(taxonomy::forClass).forEach(info -> {
            objects.add(info.name());
            parents.addAll(info.parents());
        });
        List<String> given = labels.stream().filter(LabelsEvalScore::isObject).map(DetectedLabel::name).toList();
        List<String> found = photo.must().stream().map(c -> taxonomy.forClass(c).name()).filter(given::contains).toList();
        List<String> missed = photo.must().stream().map(c -> taxonomy.forClass(c).name())
                .filter(name -> !given.contains(name)).toList();
        List<String> wrongObjects = given.stream().filter(name -> !objects.contains(name)).toList();
        List<DetectedLabel> confident = labels.stream().filter(label -> label.confidence() >= CONFIDENT).toList();
        int right = (int) confident.stream()
                .filter(label -> objects.contains(label.name()) || !isObject(label) && parents.contains(label.name()))
                .count();
        return new Judged(photo, labels, found, missed, wrongObjects, confident.size(), right);
    }

    static Figures sum(List<Judged> judged) {
        return new Figures(judged.size(),
                judged.stream().mapToInt(j -> j.photo().must().size()).sum(),
                judged.stream().mapToInt(j -> j.found().size()).sum(),
                (int) judged.stream().filter(j -> !j.wrongObjects().isEmpty()).count(),
                judged.stream().mapToInt(Judged::confident).sum(),
                judged.stream().mapToInt(Judged::confidentRight).sum());
    }

    /** An object label has boxes; a parent label (Animal, Mammal) has none. */
    static boolean isObject(DetectedLabel label) {
        return !label.instances().isEmpty();
    }
}
