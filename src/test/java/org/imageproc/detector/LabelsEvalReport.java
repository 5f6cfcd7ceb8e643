package org.imageproc.detector;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.imageproc.detector.LabelsEvalScore.Figures;
import org.imageproc.detector.LabelsEvalScore.Judged;

/** The evaluation as Markdown: the labels each photo got, then the three figures for the whole set and its parts. */
final class LabelsEvalReport {

    /** A named part of the set, by which photos belong to it. */
    record Part(String name, Predicate<Judged> member) {
    }

    static final List<Part> PARTS = List.of(
            new Part("whole set", j -> true),
            new Part("the nine shared photos (../shared/testdata/labels)",
                    j -> j.photo().key().startsWith(LabelsEvalSet.SHARED_LABELS)),
            new Part("photos without COCO objects", j -> !j.photo().coco()),
            new Part("photos with COCO objects", j -> j.photo().coco()));

    private LabelsEvalReport() {
    }

    static String render(List<Judged> judged, String settings, List<String> unavailable) {
        StringBuilder out = new StringBuilder("# Local labels on the evaluation set\n\n").append(settings)
                .append(". Object labels (with boxes) are marked *, the rest are their parents.\n\n")
                .append("| photo | COCO | must / also | labels given | missed | wrong objects |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Judged j : judged) {
            out.append("| ").append(j.photo().key()).append(" | ").append(j.photo().coco() ? "yes" : "no")
                    .append(" | ").append(String.join(", ", j.photo().must())).append(" / ")
                    .append(String.join(", ", j.photo().also())).append(" | ").append(labels(j)).append(" | ")
                    .append(String.join(", ", j.missed())).append(" | ").append(String.join(", ", j.wrongObjects()))
                    .append(" |\n");
        }
        out.append("\n| part | photos | main subjects found | photos with a wrong object label | precision at confidence >= ")
                .append((int) LabelsEvalScore.CONFIDENT).append(" |\n|---|---|---|---|---|\n");
        for (Part part : PARTS) {
            Figures f = LabelsEvalScore.sum(judged.stream().filter(part.member()).toList());
            out.append("| ").append(part.name()).append(" | ").append(f.photos()).append(" | ")
                    .append(rate(f.mainSubjectsFound(), f.mustFound(), f.must())).append(" | ")
                    .append(rate(f.photosWithWrongObjectRate(), f.photosWithWrongObject(), f.photos())).append(" | ")
                    .append(rate(f.precision(), f.confidentRight(), f.confident())).append(" |\n");
        }
        if (!unavailable.isEmpty()) {
            out.append("\nLeft out, ../shared absent: ").append(String.join(", ", unavailable)).append('\n');
        }
        return out.toString();
    }

    private static String labels(Judged j) {
        if (j.labels().isEmpty()) {
            return "(none)";
        }
        return j.labels().stream().map(label -> label.name() + (LabelsEvalScore.isObject(label) ? "*" : "") + " "
                + Math.round(label.confidence())).collect(Collectors.joining(", "));
    }

    private static String rate(double percent, int part, int whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", percent, part, whole);
    }
}
